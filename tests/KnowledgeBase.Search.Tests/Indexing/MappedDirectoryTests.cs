using System.Globalization;
using System.Runtime.CompilerServices;
using KnowledgeBase.Search.Indexing;
using Lucene.Net.Store;

namespace KnowledgeBase.Search.Tests.Indexing;

/// <summary>
/// <see cref="MappedDirectory"/> reads the bytes and values <see cref="SimpleFSDirectory"/> reads — every primitive of
/// <see cref="DataInput"/>, through seeks, clones and compound-file slices, from 16 threads at once — fails a read past
/// the end as SimpleFS does, reads empty files, keeps a file mapped (and readable) for as long as any clone of it is
/// reachable whatever was disposed, unmaps it once nothing references it, and an index written and searched through it
/// answers as SimpleFS.
/// </summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private static readonly int[] Sizes = [0, 1, 2, 5, 9, 17, 1023, 1024, 4095, 4096, 4097, 70_001, 300_000];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kb-mapped-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public MappedDirectoryTests()
    {
        System.IO.Directory.CreateDirectory(_folder);
        var random = new Random(20261208);
        foreach (var size in Sizes)
        {
            var bytes = new byte[size];
            random.NextBytes(bytes);

            // Some runs of small bytes, so variable-length integers end within a few bytes (random bytes mostly don't).
            for (var i = 0; i < size; i++)
            {
                if (random.Next(3) == 0)
                {
                    bytes[i] &= 0x7F;
                }
            }

            var name = "f" + size.ToString(CultureInfo.InvariantCulture) + ".bin";
            File.WriteAllBytes(Path.Combine(_folder, name), bytes);
            _files[name] = bytes;
        }
    }

    [Fact]
    public void RandomReads_OfEveryPrimitive_SameAsSimpleFSAndTheFile()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        using var simple = new SimpleFSDirectory(new DirectoryInfo(_folder));
        var random = new Random(3);
        foreach (var (name, bytes) in _files)
        {
            using var expected = simple.OpenInput(name, IOContext.DEFAULT);
            using var actual = mapped.OpenInput(name, IOContext.DEFAULT);
            Assert.Equal(bytes.Length, actual.Length);
            Assert.Equal(expected.Length, actual.Length);
            SameReads(random, bytes, 0, expected, actual, steps: 1500);
        }
    }

    [Fact]
    public void ValuesWrittenByLucene_ReadBackThroughTheMapping_InFilesAndSlices()
    {
        // Written by Lucene's own output (big-endian fixed widths, 1–5 and 1–9 byte variable lengths), read back.
        var random = new Random(17);
        int[] ints = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456, int.MaxValue, -1, int.MinValue];
        long[] longs = [0, 1, 127, 128, (1L << 35) - 1, 1L << 35, (1L << 49) + 3, (1L << 56) - 1, 1L << 56, long.MaxValue];
        var values = new List<(char Kind, long Value)>();
        using (var simple = new SimpleFSDirectory(new DirectoryInfo(_folder)))
        using (var output = simple.CreateOutput("values.bin", IOContext.DEFAULT))
        {
            for (var i = 0; i < 5000; i++)
            {
                var kind = "bsilvVx"[random.Next(7)];
                long value = kind switch
                {
                    'b' => random.Next(256),
                    's' => (short)random.Next(short.MinValue, short.MaxValue + 1),
                    'i' => random.Next(4) == 0 ? ints[random.Next(ints.Length)] : random.Next(int.MinValue, int.MaxValue),
                    'l' => random.Next(4) == 0 ? longs[random.Next(longs.Length)] : random.NextInt64(long.MinValue, long.MaxValue),
                    'v' => random.Next(2) == 0 ? ints[random.Next(ints.Length)] : random.Next(0, 1 << random.Next(1, 31)),
                    'V' => random.Next(2) == 0 ? longs[random.Next(longs.Length)] : random.NextInt64(0, 1L << random.Next(1, 63)),
                    _ => random.Next(1, 3000),
                };
                switch (kind)
                {
                    case 'b': output.WriteByte((byte)value); break;
                    case 's': output.WriteInt16((short)value); break;
                    case 'i': output.WriteInt32((int)value); break;
                    case 'l': output.WriteInt64(value); break;
                    case 'v': output.WriteVInt32((int)value); break;
                    case 'V': output.WriteVInt64(value); break;
                    default:
                        output.WriteString(new string('đ', (int)value));
                        break;
                }

                values.Add((kind, value));
            }

            // The file ends with the longest variable-length integers: read near the end, byte by byte.
            output.WriteVInt32(int.MinValue);
            output.WriteVInt64(long.MaxValue);
            values.Add(('v', int.MinValue));
            values.Add(('V', long.MaxValue));
        }

        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        using (var input = mapped.OpenInput("values.bin", IOContext.DEFAULT))
        {
            ReadValues(input, values);
            Assert.Equal(input.Length, input.Position);
            Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        }

        // The same bytes inside a larger file, through a slice (the compound-file path), and through a clone of it.
        var bytes = File.ReadAllBytes(Path.Combine(_folder, "values.bin"));
        File.WriteAllBytes(Path.Combine(_folder, "padded.bin"), [.. new byte[333], .. bytes, .. new byte[77]]);
        using var slicer = mapped.CreateSlicer("padded.bin", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("values", 333, bytes.Length);
        var clone = (IndexInput)slice.Clone();
        ReadValues(slice, values);
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        ReadValues(clone, values);
    }

    [Fact]
    public void Clones_ReadFromWhereTheyWereCloned_AndOnTheirOwn()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        using var simple = new SimpleFSDirectory(new DirectoryInfo(_folder));
        var random = new Random(5);
        var bytes = _files["f70001.bin"];
        using var expected = simple.OpenInput("f70001.bin", IOContext.DEFAULT);
        using var actual = mapped.OpenInput("f70001.bin", IOContext.DEFAULT);
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
            SameReads(random, bytes, 0, expectedClone, actualClone, steps: 60);

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
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        using var simple = new SimpleFSDirectory(new DirectoryInfo(_folder));
        var context = merge ? new IOContext(new MergeInfo(1, 1, false, 1)) : IOContext.DEFAULT;
        var random = new Random(9);
        var bytes = _files["f300000.bin"];
        using var expectedSlicer = simple.CreateSlicer("f300000.bin", context);
        using var actualSlicer = mapped.CreateSlicer("f300000.bin", context);
        for (var s = 0; s < 40; s++)
        {
            var offset = random.Next(bytes.Length);
            var length = random.Next(bytes.Length - offset + 1);
            using var expected = expectedSlicer.OpenSlice("s", offset, length);
            using var actual = actualSlicer.OpenSlice("s", offset, length);
            Assert.Equal(length, actual.Length);
            SameReads(random, bytes, offset, expected, actual, steps: 100);

            using var clone = (IndexInput)actual.Clone();
            SameReads(random, bytes, offset, (IndexInput)expected.Clone(), clone, steps: 30);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => actualSlicer.OpenSlice("s", 299_999, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => actualSlicer.OpenSlice("s", -1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => actualSlicer.OpenSlice("s", 10, long.MaxValue));
    }

    [Fact]
    public void ReadsPastTheEnd_FailAsSimpleFS()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        using var simple = new SimpleFSDirectory(new DirectoryInfo(_folder));
        var bytes = _files["f4097.bin"];
        foreach (var directory in new Lucene.Net.Store.Directory[] { simple, mapped })
        {
            using var input = directory.OpenInput("f4097.bin", IOContext.DEFAULT);

            input.Seek(4097);
            Assert.Throws<EndOfStreamException>(() => input.ReadByte());
            input.Seek(4097);
            input.ReadBytes([], 0, 0);

            input.Seek(5000);
            Assert.Throws<EndOfStreamException>(() => input.ReadByte());
            input.Seek(4000);
            Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[98], 0, 98));
            input.Seek(4096);
            Assert.Throws<EndOfStreamException>(() => input.ReadInt16());
            input.Seek(4094);
            Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
            input.Seek(4090);
            Assert.Throws<EndOfStreamException>(() => input.ReadInt64());
            input.Seek(4090);
            Assert.Throws<EndOfStreamException>(() => input.SkipBytes(8));

            // A variable-length integer cut by the end of the file: its bytes all say "more follows".
            input.Seek(0);
            input.ReadBytes(new byte[4096], 0, 4096);
            if (bytes[4096] >= 0x80)
            {
                Assert.Throws<EndOfStreamException>(() => input.ReadVInt32());
                input.Seek(4096);
                Assert.Throws<EndOfStreamException>(() => input.ReadVInt64());
            }
            else
            {
                Assert.Equal(bytes[4096], input.ReadVInt32());
            }

            // Larger than any buffer, still refused past the end.
            input.Seek(0);
            Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[5000], 0, 5000));

            // The last byte is still there, and a skip to the end is allowed.
            input.Seek(4096);
            Assert.Equal(bytes[4096], input.ReadByte());
            input.Seek(4000);
            input.SkipBytes(97);
            Assert.Equal(4097, input.Position);

            // A slice ends where it says, though the file goes on.
            using var slicer = directory.CreateSlicer("f4097.bin", IOContext.DEFAULT);
            using var slice = slicer.OpenSlice("s", 100, 10);
            slice.Seek(9);
            Assert.Equal(bytes[109], slice.ReadByte());
            Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
            slice.Seek(0);
            Assert.Throws<EndOfStreamException>(() => slice.ReadBytes(new byte[11], 0, 11));
            slice.Seek(4);
            Assert.Throws<EndOfStreamException>(() => slice.ReadInt64());
        }

        // Far past the end (SimpleFS fails this one with the operating system's "invalid argument"): no overflow.
        using (var far = mapped.OpenInput("f4097.bin", IOContext.DEFAULT))
        {
            far.Seek(long.MaxValue);
            Assert.Throws<EndOfStreamException>(() => far.ReadBytes(new byte[1], 0, 1));
            Assert.Throws<EndOfStreamException>(() => far.ReadInt64());
            Assert.Throws<EndOfStreamException>(() => far.ReadVInt64());
            Assert.Throws<EndOfStreamException>(() => far.SkipBytes(1));
            Assert.Throws<ArgumentOutOfRangeException>(() => far.Seek(-1));
        }

        var message = Assert.Throws<EndOfStreamException>(() =>
        {
            using var input = mapped.OpenInput("f17.bin", IOContext.DEFAULT);
            input.Seek(17);
            input.ReadByte();
        }).Message;
        Assert.Contains("read past EOF", message, StringComparison.Ordinal);
        Assert.Contains("f17.bin", message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_OpensAndReadsNothing_AsSimpleFS()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        using var simple = new SimpleFSDirectory(new DirectoryInfo(_folder));
        foreach (var directory in new Lucene.Net.Store.Directory[] { simple, mapped })
        {
            using var input = directory.OpenInput("f0.bin", IOContext.DEFAULT);
            Assert.Equal(0, input.Length);
            input.ReadBytes([], 0, 0);
            input.SkipBytes(0);
            Assert.Throws<EndOfStreamException>(() => input.ReadByte());
            Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
            Assert.Throws<EndOfStreamException>(() => input.ReadVInt64());
            Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[1], 0, 1));

            using var clone = (IndexInput)input.Clone();
            Assert.Throws<EndOfStreamException>(() => clone.ReadByte());

            using var slicer = directory.CreateSlicer("f0.bin", IOContext.DEFAULT);
            using var slice = slicer.OpenSlice("s", 0, 0);
            Assert.Equal(0, slice.Length);
            Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
        }
    }

    [Fact]
    public void MissingFile_IsNotFound()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        Assert.Throws<FileNotFoundException>(() => mapped.OpenInput("absent.bin", IOContext.DEFAULT));
        Assert.Throws<FileNotFoundException>(() => mapped.CreateSlicer("absent.bin", IOContext.DEFAULT));
    }

    [Fact]
    public void ManyThreads_ReadingClonesAndSlicesOfOneFile_AllGetTheirValues()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        var bytes = _files["f300000.bin"];
        using var input = mapped.OpenInput("f300000.bin", IOContext.DEFAULT);
        using var slicer = mapped.CreateSlicer("f300000.bin", IOContext.DEFAULT);
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
            for (var i = 0; i < 5000; i++)
            {
                var length = random.Next(1, buffer.Length);
                var at = random.NextInt64(clone.Length - length);
                clone.Seek(at);
                var ok = (i % 4) switch
                {
                    0 => Enumerable.Range(0, Math.Min(length, 40)).All(k => clone.ReadByte() == bytes[offset + at + k]),
                    1 => clone.ReadInt64() == System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan((int)(offset + at), 8)),
                    2 => clone.ReadInt32() == System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan((int)(offset + at), 4)),
                    _ => ReadAndCompare(clone, buffer, length, bytes.AsSpan((int)(offset + at), length)),
                };
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(0, failures);

        static bool ReadAndCompare(IndexInput input, byte[] buffer, int length, ReadOnlySpan<byte> expected)
        {
            input.ReadBytes(buffer, 0, length);
            return buffer.AsSpan(0, length).SequenceEqual(expected);
        }
    }

    [Fact]
    public void DisposingTheOriginal_StopsIt_ButItsClonesAndSlicesKeepReadingTheFile()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        var bytes = _files["f70001.bin"];
        var input = mapped.OpenInput("f70001.bin", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        clone.ReadByte();
        clone.Dispose();
        clone.Dispose();
        Assert.Throws<ObjectDisposedException>(() => clone.ReadByte());

        input.Seek(50_000);
        Assert.Equal(bytes[50_000], input.ReadByte());
        var other = (IndexInput)input.Clone();

        input.Dispose();
        input.Dispose();
        Assert.Throws<ObjectDisposedException>(() => input.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => input.ReadBytes(new byte[4], 0, 4));
        Assert.Throws<ObjectDisposedException>(() => input.ReadInt32());
        Assert.Throws<ObjectDisposedException>(() => input.ReadVInt32());
        Assert.Throws<ObjectDisposedException>(() => input.Clone());

        // The master is closed, and the collector has run with nothing else holding the file: the clone still reads it.
        CollectEverything();
        other.Seek(60_000);
        Assert.Equal(bytes[60_000], other.ReadByte());
        var buffer = new byte[70_001];
        other.Seek(0);
        other.ReadBytes(buffer, 0, buffer.Length);
        Assert.Equal(bytes, buffer);

        // The same for slices: disposing the slicer and the first slice leaves the others (and clones of them) reading.
        var slicer = mapped.CreateSlicer("f70001.bin", IOContext.DEFAULT);
        var first = slicer.OpenSlice("a", 10, 1000);
        var second = slicer.OpenSlice("b", 2000, 1000);
        var third = (IndexInput)second.Clone();
        first.Dispose();
        slicer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => slicer.OpenSlice("c", 0, 1));
        CollectEverything();
        second.Seek(500);
        Assert.Equal(bytes[2500], second.ReadByte());
        third.Seek(999);
        Assert.Equal(bytes[2999], third.ReadByte());
        Assert.Throws<EndOfStreamException>(() => third.ReadByte());
    }

    [Fact]
    public void TheMapping_LivesWhileAnyCloneIsReachable_AndIsReleasedWhenNoneIs()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // reads /proc/self/maps; the product runs on Linux
        }

        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        var path = Path.Combine(_folder, "f300000.bin");

        ReadThroughACloneOfADisposedOriginal(mapped, "f300000.bin", path, _files["f300000.bin"]);
        ReadThroughATemporaryClone(mapped, "f70001.bin", _files["f70001.bin"]);

        // Nothing references the inputs or their clones any more (the helpers returned): the collector unmaps the files.
        CollectEverything();
        Assert.False(IsMapped(path), "the file is unmapped once no input references it");
        Assert.False(IsMapped(Path.Combine(_folder, "f70001.bin")), "the file is unmapped once no input references it");
    }

    [Fact]
    public void AMappedFile_DeletedThroughTheDirectory_IsGone_AndItsClonesStillRead()
    {
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        var bytes = _files["f70001.bin"];
        var input = mapped.OpenInput("f70001.bin", IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();

        // As Lucene deletes the files of merged-away segments that a reader may still have open.
        mapped.DeleteFile("f70001.bin");
        Assert.False(File.Exists(Path.Combine(_folder, "f70001.bin")));
        Assert.DoesNotContain("f70001.bin", mapped.ListAll());
        input.Dispose();
        CollectEverything();

        var buffer = new byte[bytes.Length];
        clone.ReadBytes(buffer, 0, buffer.Length);
        Assert.Equal(bytes, buffer);

        // The name can be written again at once, and the new file is read, not the old mapping.
        using (var output = mapped.CreateOutput("f70001.bin", IOContext.DEFAULT))
        {
            output.WriteInt32(42);
        }

        using var again = mapped.OpenInput("f70001.bin", IOContext.DEFAULT);
        Assert.Equal(4, again.Length);
        Assert.Equal(42, again.ReadInt32());
        clone.Seek(0);
        Assert.Equal(bytes[0], clone.ReadByte());
    }

    [Fact]
    public void ClonesReadOnManyThreads_WhileOriginalsAreDisposedAndTheCollectorRuns_NoFaultAndRightBytes()
    {
        // The case the lifetime rules exist for: searches still reading clones whose reader was closed under them,
        // while the collector runs and finalizes whatever became unreachable. Any unmapping too early would read
        // wrong bytes or crash the test process.
        using var mapped = new MappedDirectory(new DirectoryInfo(_folder));
        var names = new[] { "f4097.bin", "f70001.bin", "f300000.bin" };
        var failures = 0;
        var stop = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        var collector = new Thread(() =>
        {
            while (DateTime.UtcNow < stop)
            {
                CollectEverything();
                Thread.Sleep(1);
            }
        });
        var readers = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            var random = new Random(t);
            var buffer = new byte[5000];
            while (DateTime.UtcNow < stop)
            {
                var name = names[random.Next(names.Length)];
                var bytes = _files[name];
                IndexInput clone;
                if (random.Next(2) == 0)
                {
                    using var input = mapped.OpenInput(name, IOContext.DEFAULT);
                    clone = (IndexInput)input.Clone();
                }
                else
                {
                    using var slicer = mapped.CreateSlicer(name, IOContext.DEFAULT);
                    using var slice = slicer.OpenSlice("s", 0, bytes.Length);
                    clone = (IndexInput)slice.Clone();
                }

                for (var i = 0; i < 200; i++)
                {
                    var length = random.Next(1, Math.Min(buffer.Length, bytes.Length));
                    var at = random.Next(bytes.Length - length);
                    clone.Seek(at);
                    clone.ReadBytes(buffer, 0, length);
                    if (!buffer.AsSpan(0, length).SequenceEqual(bytes.AsSpan(at, length)) || (at + length + 4 <= bytes.Length && clone.ReadInt32() != System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at + length, 4))))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        })).ToList();
        collector.Start();
        readers.ForEach(r => r.Start());
        readers.ForEach(r => r.Join());
        collector.Join();

        Assert.Equal(0, failures);
    }

    [Fact]
    public Task Index_WrittenAndSearchedThroughIt_AnswersAsSimpleFS() =>
        DirectoryKindAnswers.AssertSameAsSimpleFSAsync(IndexDirectoryKind.Mapped, Path.Combine(_folder, "index"));

    /// <summary>In a method of its own: the debug JIT keeps a method's temporaries alive to its end.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadThroughACloneOfADisposedOriginal(MappedDirectory directory, string name, string path, byte[] bytes)
    {
        var input = directory.OpenInput(name, IOContext.DEFAULT);
        input.Seek(10);
        var clone = (IndexInput)input.Clone();
        input.Dispose();
        CollectEverything();
        Assert.True(IsMapped(path), "the clone's file is still mapped");
        clone.Seek(123_456);
        Assert.Equal(bytes[123_456], clone.ReadByte());
        GC.KeepAlive(clone);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReadThroughATemporaryClone(MappedDirectory directory, string name, byte[] bytes)
    {
        var input = directory.OpenInput(name, IOContext.DEFAULT);
        var clone = (IndexInput)input.Clone();
        input.Dispose();
        clone.Seek(bytes.Length - 1);
        Assert.Equal(bytes[^1], clone.ReadByte());
    }

    private static void CollectEverything()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    /// <summary>Whether this process maps the file (Linux: a line of <c>/proc/self/maps</c> ends with its path, " (deleted)" or not).</summary>
    private static bool IsMapped(string path) =>
        File.ReadLines("/proc/self/maps").Any(line => line.EndsWith(" " + path, StringComparison.Ordinal) || line.EndsWith(" " + path + " (deleted)", StringComparison.Ordinal));

    private static void ReadValues(IndexInput input, List<(char Kind, long Value)> values)
    {
        foreach (var (kind, value) in values)
        {
            switch (kind)
            {
                case 'b': Assert.Equal((byte)value, input.ReadByte()); break;
                case 's': Assert.Equal((short)value, input.ReadInt16()); break;
                case 'i': Assert.Equal((int)value, input.ReadInt32()); break;
                case 'l': Assert.Equal(value, input.ReadInt64()); break;
                case 'v': Assert.Equal((int)value, input.ReadVInt32()); break;
                case 'V': Assert.Equal(value, input.ReadVInt64()); break;
                default: Assert.Equal(new string('đ', (int)value), input.ReadString()); break;
            }
        }
    }

    /// <summary>
    /// The same random mix of seeks and reads of every primitive on both inputs: equal values, or the same exception,
    /// and the same position after a read that succeeded (after a failed one both are sent somewhere else: where a
    /// failed read leaves the position is not part of the contract).
    /// </summary>
    private static void SameReads(Random random, byte[] file, long offset, IndexInput expected, IndexInput actual, int steps)
    {
        var length = actual.Length;
        var a = new byte[40_000];
        var b = new byte[40_000];
        for (var step = 0; step < steps; step++)
        {
            var at = actual.Position;
            string? expectedOutcome;
            string? actualOutcome;
            switch (random.Next(10))
            {
                case 0:
                    {
                        // Anywhere, now and then past the end or near it.
                        var to = random.Next(8) == 0 ? length + random.Next(3) : Math.Max(0, length - random.Next(12));
                        to = random.Next(2) == 0 ? random.NextInt64(length + 1) : to;
                        expected.Seek(to);
                        actual.Seek(to);
                        continue;
                    }

                case 1:
                    expectedOutcome = Outcome(() => expected.ReadByte());
                    actualOutcome = Outcome(() => actual.ReadByte());
                    if (at < length)
                    {
                        Assert.Equal(file[offset + at].ToString(CultureInfo.InvariantCulture), actualOutcome);
                    }

                    break;

                case 2:
                case 3:
                    {
                        // Short reads within or across Lucene's 1 KB buffer, long ones past it, now and then past the end.
                        var left = (int)Math.Clamp(length - at, 0, a.Length - 1);
                        var n = random.Next(4) == 0 ? random.Next(left + 1) : random.Next(Math.Min(left, 300) + 1);
                        n = random.Next(20) == 0 ? Math.Min(n + 1 + random.Next(3), a.Length - 1) : n;
                        expectedOutcome = Outcome(() => expected.ReadBytes(a, 1, n));
                        actualOutcome = Outcome(() => actual.ReadBytes(b, 1, n));
                        if (actualOutcome == "ok" && n > 0)
                        {
                            Assert.True(a.AsSpan(1, n).SequenceEqual(b.AsSpan(1, n)), $"{n} bytes at {at} of {actual}");
                            Assert.True(file.AsSpan((int)(offset + at), n).SequenceEqual(b.AsSpan(1, n)), $"{n} bytes at {at} of {actual}");
                        }

                        break;
                    }

                case 4:
                    expectedOutcome = Outcome(() => expected.ReadInt16());
                    actualOutcome = Outcome(() => actual.ReadInt16());
                    break;
                case 5:
                    expectedOutcome = Outcome(() => expected.ReadInt32());
                    actualOutcome = Outcome(() => actual.ReadInt32());
                    break;
                case 6:
                    expectedOutcome = Outcome(() => expected.ReadInt64());
                    actualOutcome = Outcome(() => actual.ReadInt64());
                    break;
                case 7:
                    expectedOutcome = Outcome(() => expected.ReadVInt32());
                    actualOutcome = Outcome(() => actual.ReadVInt32());
                    break;
                case 8:
                    expectedOutcome = Outcome(() => expected.ReadVInt64());
                    actualOutcome = Outcome(() => actual.ReadVInt64());
                    break;
                default:
                    {
                        var n = random.Next(2000);
                        expectedOutcome = Outcome(() => expected.SkipBytes(n));
                        actualOutcome = Outcome(() => actual.SkipBytes(n));
                        break;
                    }
            }

            Assert.Equal(expectedOutcome, actualOutcome);
            if (actualOutcome.StartsWith('!'))
            {
                var to = random.NextInt64(length + 1);
                expected.Seek(to);
                actual.Seek(to);
            }

            Assert.Equal(expected.Position, actual.Position);
        }
    }

    /// <summary>The value read, "ok", or "!" and the exception's type.</summary>
    private static string Outcome(Func<object> read)
    {
        try
        {
            return Convert.ToString(read(), CultureInfo.InvariantCulture)!;
        }
        catch (Exception e) when (e is IOException)
        {
            return "!" + e.GetType().Name;
        }
    }

    private static string Outcome(Action read) => Outcome(() =>
    {
        read();
        return "ok";
    });

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);
}
