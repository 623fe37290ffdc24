using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// An <see cref="FSDirectory"/> whose inputs read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>,
/// <c>pread</c> on Linux): no lock and no shared file position, so any number of clones of one file read at once.
/// <see cref="SimpleFSDirectory"/> takes a lock per file around a seek and a read for every buffer refill — under
/// parallel searches the lock of a hot file (<c>.tim</c>, <c>.doc</c>) is contended — and <see cref="MMapDirectory"/>
/// reads byte by byte through Lucene.Net's <c>ByteBuffer</c> emulation (measured 1.2–4.4× slower at 1M,
/// docs/performance.md). Writing is <see cref="FSDirectory"/>'s own.
/// <para>
/// One handle per opened file (or per compound file, <see cref="CreateSlicer"/>), shared by every clone and slice;
/// only the input <see cref="OpenInput"/> returned (or the slicer) closes it. Inputs buffer <see cref="BufferSize"/>
/// bytes (<see cref="MergeBufferSize"/> when merging); a read larger than the buffer goes straight into the caller's
/// array (<see cref="BufferedIndexInput"/>).
/// </para>
/// </summary>
public sealed class PositionalFSDirectory : FSDirectory
{
    /// <summary>
    /// The read buffer of searches: Lucene's 1 KB. 1, 4, 8 and 16 KB were measured at 1M (docs/performance.md,
    /// "Search:Directory=Positional"): 16 KB cost more CPU a search (every clone of an input allocates and fills its own
    /// buffer, and most clones read a few bytes), 1–8 KB were within the noise of each other.
    /// </summary>
    public const int DefaultBufferSize = BufferedIndexInput.BUFFER_SIZE;

    /// <summary>The read buffer while merging: Lucene's 4 KB (not measured otherwise).</summary>
    public const int DefaultMergeBufferSize = BufferedIndexInput.MERGE_BUFFER_SIZE;

    public PositionalFSDirectory(DirectoryInfo path, int bufferSize = DefaultBufferSize, int mergeBufferSize = DefaultMergeBufferSize, LockFactory? lockFactory = null)
        : base(path, lockFactory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(mergeBufferSize, 1);
        BufferSize = bufferSize;
        MergeBufferSize = mergeBufferSize;
    }

    /// <summary>Bytes each input reads at a time, outside merges.</summary>
    public int BufferSize { get; }

    /// <summary>Bytes each input reads at a time while merging.</summary>
    public int MergeBufferSize { get; }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var handle = OpenHandle(path);
        try
        {
            return new PositionalIndexInput($"PositionalIndexInput(path=\"{path}\")", handle, 0, RandomAccess.GetLength(handle), BufferSizeOf(context), ownsHandle: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Slices of one file (the parts of a compound file, <c>.cfs</c>) read through one handle, closed with the slicer.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        return new Slicer(path, OpenHandle(path), BufferSizeOf(context));
    }

    private int BufferSizeOf(IOContext context) => context.Context == IOContext.UsageContext.MERGE ? MergeBufferSize : BufferSize;

    private static SafeFileHandle OpenHandle(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private sealed class Slicer(string path, SafeFileHandle handle, int bufferSize) : IndexInputSlicer
    {
        private int _disposed;

        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            var fileLength = RandomAccess.GetLength(handle);
            if (offset < 0 || length < 0 || offset + length > fileLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"slice {offset}:{offset + length} is outside \"{path}\" ({fileLength} bytes)");
            }

            return new PositionalIndexInput($"PositionalIndexInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", handle, offset, length, bufferSize, ownsHandle: false);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0 && disposing)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>
    /// Bytes <c>[offset, offset + length)</c> of a file. Clones share the handle and the bounds, each with its own
    /// buffer and position (<see cref="BufferedIndexInput.Clone"/>); only the input that owns the handle closes it.
    /// </summary>
    private sealed class PositionalIndexInput : BufferedIndexInput
    {
        private readonly SafeFileHandle _handle;
        private readonly long _offset;
        private readonly long _length;
        private bool _ownsHandle;
        private int _disposed;

        public PositionalIndexInput(string description, SafeFileHandle handle, long offset, long length, int bufferSize, bool ownsHandle)
            : base(description, bufferSize)
        {
            _handle = handle;
            _offset = offset;
            _length = length;
            _ownsHandle = ownsHandle;
        }

        public override long Length => _length;

        public override object Clone()
        {
            var clone = (PositionalIndexInput)base.Clone();
            clone._ownsHandle = false;
            clone._disposed = 0;
            return clone;
        }

        protected override void ReadInternal(byte[] b, int offset, int length)
        {
            var position = Position;
            if (position < 0 || position + length > _length)
            {
                throw new EndOfStreamException($"read past EOF: {this} (position {position}, {length} bytes, length {_length})");
            }

            var destination = b.AsSpan(offset, length);
            var at = _offset + position;
            try
            {
                while (!destination.IsEmpty)
                {
                    var read = RandomAccess.Read(_handle, destination, at);
                    if (read <= 0)
                    {
                        // The file is shorter than when it was opened (it is never written once committed).
                        throw new EndOfStreamException($"read past EOF: {this} (file ended at {at})");
                    }

                    destination = destination[read..];
                    at += read;
                }
            }
            catch (IOException e) when (e is not EndOfStreamException)
            {
                throw new IOException($"{e.Message}: {this}", e);
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Nothing to move: every read says where it reads.
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0 && disposing && _ownsHandle)
            {
                _handle.Dispose();
            }
        }
    }
}
