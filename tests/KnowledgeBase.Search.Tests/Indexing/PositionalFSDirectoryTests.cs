using System.Globalization;
using KnowledgeBase.Search.Indexing;
using Lucene.Net.Store;

namespace KnowledgeBase.Search.Tests.Indexing;

/// <summary>
/// <see cref="PositionalFSDirectory"/> reads the bytes <see cref="SimpleFSDirectory"/> reads — through seeks, single
/// bytes, reads shorter and longer than its buffer, clones and compound-file slices — from any number of threads at
/// once, fails a read past the end as SimpleFS does, and an index written and searched through it answers as SimpleFS.
/// </summary>
public sealed class PositionalFSDirectoryTests : IDisposable
{
    private static readonly int[] Sizes = [1, 17, 1023, 1024, 4095, 4096, 4097, 70_001, 300_000];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kb-pread-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public PositionalFSDirectoryTests()
    {
        System.IO.Directory.CreateDirectory(_folder);
        var random = new Random(20261207);
        foreach (var size in Sizes)
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);
            var name = "f" + size.ToString(CultureInfo.InvariantCulture) + ".bin";
            File.WriteAllBytes(Path.Combine(_folder, name), bytes);
            _files[name] = bytes;
        }
    }

    [Theory]
    [InlineData(PositionalFSDirectory.DefaultBufferSize)]
    [InlineData(4096)]
    [InlineData(7)]
    public void RandomReads_SameBytesAsSimpleFSAndTheFile(int bufferSize)
    {
        using var positional = new PositionalFSDirectory(new DirectoryInfo(_folder), bufferSize, bufferSize);
        using var simple = new SimpleFSDirectory(new DirectoryInfo(_folder));
        var random = new Random(bufferSize);
        foreach (var (name, bytes) in _files)
        {
            using var expected = simple.OpenInput(name, IOContext.DEFAULT);
            using var actual = positional.OpenInput(name, IOContext.DEFAULT);
            Assert.Equal(bytes.Length, actual.Length);
            Assert.Equal(expected.Length, actual.Length);
            SameReads(random, bytes, 0, expected, actual, steps: 400);
        }
    }

    [Fact]
    public void Clones_ReadFromWhereTheyWereCloned_AndOnTheirOwn()
    {
        using var positional = new PositionalFSDirectory(new DirectoryInfo(_folder), 64, 64);
        using var simple = new SimpleFSDirectory(new DirectoryInfo(_folder));
        var random = new Random(5);
        var bytes = _files["f70001.bin"];
        using var expected = simple.OpenInput("f70001.bin", IOContext.DEFAULT);
        using var actual = positional.OpenInput("f70001.bin", IOContext.DEFAULT);
        for (var round = 0; round < 30; round++)
        {
            var at = random.Next(bytes.Length);
            expected.Seek(at);
            actual.Seek(at);
            actual.ReadByte();
            expected.ReadByte();

            var expectedClone = (IndexInput)expected.Clone();
            var actualClone = (IndexInput)actual.Clone();
            Assert.Equal(at + 1, actualClone.Position);
            SameReads(random, bytes, 0, expectedClone, actualClone, steps: 40);

            // The original did not move with its clone.
            Assert.Equal(at + 1, actual.Position);
            Assert.Equal(expected.ReadByte(), actual.ReadByte());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Slices_ReadTheirPartOfTheFile_AsSimpleFSSlices(bool merge)
    {
        using var positional = new PositionalFSDirectory(new DirectoryInfo(_folder), 128, 512);
        using var simple = new SimpleFSDirectory(new DirectoryInfo(_folder));
        var context = merge ? new IOContext(new MergeInfo(1, 1, false, 1)) : IOContext.DEFAULT;
        var random = new Random(9);
        var bytes = _files["f300000.bin"];
        using var expectedSlicer = simple.CreateSlicer("f300000.bin", context);
        using var actualSlicer = positional.CreateSlicer("f300000.bin", context);
        for (var s = 0; s < 40; s++)
        {
            var offset = random.Next(bytes.Length);
            var length = random.Next(bytes.Length - offset + 1);
            using var expected = expectedSlicer.OpenSlice("s", offset, length);
            using var actual = actualSlicer.OpenSlice("s", offset, length);
            Assert.Equal(length, actual.Length);
            SameReads(random, bytes, offset, expected, actual, steps: 60);

            using var clone = (IndexInput)actual.Clone();
            SameReads(random, bytes, offset, (IndexInput)expected.Clone(), clone, steps: 20);
        }
    }

    [Fact]
    public void ReadsPastTheEnd_FailAsSimpleFS()
    {
        using var positional = new PositionalFSDirectory(new DirectoryInfo(_folder));
        using var simple = new SimpleFSDirectory(new DirectoryInfo(_folder));
        foreach (var directory in new Lucene.Net.Store.Directory[] { simple, positional })
        {
            using var input = directory.OpenInput("f4097.bin", IOContext.DEFAULT);

            input.Seek(4097);
            Assert.Throws<EndOfStreamException>(() => input.ReadByte());

            input.Seek(5000);
            Assert.Throws<EndOfStreamException>(() => input.ReadByte());

            input.Seek(4000);
            Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[98], 0, 98));

            // Larger than the buffer: straight into the array, still refused past the end.
            input.Seek(0);
            Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[5000], 0, 5000));

            // The last byte is still there.
            input.Seek(4096);
            Assert.Equal(_files["f4097.bin"][4096], input.ReadByte());

            // A slice ends where it says, though the file goes on.
            using var slicer = directory.CreateSlicer("f4097.bin", IOContext.DEFAULT);
            using var slice = slicer.OpenSlice("s", 100, 10);
            slice.Seek(9);
            Assert.Equal(_files["f4097.bin"][109], slice.ReadByte());
            Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
            slice.Seek(0);
            Assert.Throws<EndOfStreamException>(() => slice.ReadBytes(new byte[11], 0, 11));
        }

        var message = Assert.Throws<EndOfStreamException>(() =>
        {
            using var input = positional.OpenInput("f17.bin", IOContext.DEFAULT);
            input.Seek(17);
            input.ReadByte();
        }).Message;
        Assert.Contains("read past EOF", message, StringComparison.Ordinal);
        Assert.Contains("f17.bin", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_IsNotFound()
    {
        using var positional = new PositionalFSDirectory(new DirectoryInfo(_folder));
        Assert.Throws<FileNotFoundException>(() => positional.OpenInput("absent.bin", IOContext.DEFAULT));
        Assert.Throws<FileNotFoundException>(() => positional.CreateSlicer("absent.bin", IOContext.DEFAULT));
    }

    [Fact]
    public void ManyThreads_ReadingClonesAndSlicesOfOneFile_AllGetTheirBytes()
    {
        // A tiny buffer: every few bytes a positional read of the one shared handle, from every thread at once.
        using var positional = new PositionalFSDirectory(new DirectoryInfo(_folder), 16, 16);
        var bytes = _files["f300000.bin"];
        using var input = positional.OpenInput("f300000.bin", IOContext.DEFAULT);
        using var slicer = positional.CreateSlicer("f300000.bin", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("s", 1000, 200_000);
        const int threads = 16;
        var inputs = Enumerable.Range(0, threads).Select(t => t % 2 == 0 ? (Offset: 0, Input: (IndexInput)input.Clone()) : (Offset: 1000, Input: (IndexInput)slice.Clone())).ToArray();
        var failures = 0;
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var (offset, clone) = inputs[t];
            var random = new Random(t);
            var buffer = new byte[3000];
            start.SignalAndWait();
            for (var i = 0; i < 3000; i++)
            {
                var length = random.Next(1, buffer.Length);
                var at = random.NextInt64(clone.Length - length);
                clone.Seek(at);
                if (i % 3 == 0)
                {
                    for (var k = 0; k < Math.Min(length, 40); k++)
                    {
                        if (clone.ReadByte() != bytes[offset + at + k])
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                }
                else
                {
                    clone.ReadBytes(buffer, 0, length);
                    if (!buffer.AsSpan(0, length).SequenceEqual(bytes.AsSpan((int)(offset + at), length)))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(0, failures);
    }

    [Fact]
    public void DisposingAClone_LeavesTheOriginalReadable_DisposingTheOriginalClosesTheFile()
    {
        using var positional = new PositionalFSDirectory(new DirectoryInfo(_folder), 64, 64);
        var bytes = _files["f70001.bin"];
        var input = positional.OpenInput("f70001.bin", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        clone.ReadByte();
        clone.Dispose();
        clone.Dispose();

        input.Seek(50_000);
        Assert.Equal(bytes[50_000], input.ReadByte());
        var other = (IndexInput)input.Clone();
        other.Seek(60_000);
        Assert.Equal(bytes[60_000], other.ReadByte());

        input.Dispose();
        input.Dispose();
        // The handle is closed: a clone left behind cannot read the file any more (no handle leaks past its owner).
        other.Seek(10);
        Assert.Throws<ObjectDisposedException>(() => other.ReadByte());

        // The same for slices: a slice does not close the slicer's handle, the slicer does.
        var slicer = positional.CreateSlicer("f70001.bin", IOContext.DEFAULT);
        var first = slicer.OpenSlice("a", 10, 1000);
        first.ReadByte();
        first.Dispose();
        var second = slicer.OpenSlice("b", 2000, 1000);
        Assert.Equal(bytes[2000], second.ReadByte());
        slicer.Dispose();
        second.Seek(500);
        Assert.Throws<ObjectDisposedException>(() => second.ReadByte());
    }

    [Fact]
    public Task Index_WrittenAndSearchedThroughIt_AnswersAsSimpleFS() =>
        DirectoryKindAnswers.AssertSameAsSimpleFSAsync(IndexDirectoryKind.Positional, Path.Combine(_folder, "index"));

    private static void SameReads(Random random, byte[] file, long offset, IndexInput expected, IndexInput actual, int steps)
    {
        var length = actual.Length;
        if (length == 0)
        {
            return;
        }

        var a = new byte[40_000];
        var b = new byte[40_000];
        for (var step = 0; step < steps; step++)
        {
            switch (random.Next(5))
            {
                case 0:
                    {
                        var at = random.NextInt64(length);
                        expected.Seek(at);
                        actual.Seek(at);
                        break;
                    }

                case 1 when actual.Position < length:
                    {
                        var at = actual.Position;
                        var x = expected.ReadByte();
                        Assert.Equal(x, actual.ReadByte());
                        Assert.Equal(file[offset + at], x);
                        break;
                    }

                case 2:
                case 3:
                    {
                        // Short reads within or across the buffer, long ones past it (straight into the array).
                        var left = (int)Math.Min(length - actual.Position, a.Length);
                        var n = random.Next(4) == 0 ? random.Next(left + 1) : random.Next(Math.Min(left, 300) + 1);
                        var at = actual.Position;
                        expected.ReadBytes(a, 1, n - 1 < 0 ? 0 : n - 1);
                        actual.ReadBytes(b, 1, n - 1 < 0 ? 0 : n - 1);
                        var read = Math.Max(n - 1, 0);
                        Assert.True(a.AsSpan(1, read).SequenceEqual(b.AsSpan(1, read)), $"{read} bytes at {at} of {actual}");
                        Assert.True(file.AsSpan((int)(offset + at), read).SequenceEqual(b.AsSpan(1, read)), $"{read} bytes at {at} of {actual}");
                        break;
                    }

                case 4 when length - actual.Position >= 8:
                    Assert.Equal(expected.ReadInt64(), actual.ReadInt64());
                    break;
            }

            Assert.Equal(expected.Position, actual.Position);
        }
    }

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
