using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using Lucene.Net.Store;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// An <see cref="FSDirectory"/> whose inputs read memory-mapped files through a raw pointer: a read is a bounds check
/// and a load (or a copy), with no system call, no lock and no buffer of its own. <see cref="SimpleFSDirectory"/> and
/// <see cref="PositionalFSDirectory"/> refill a 1 KB buffer with a <c>pread</c> system call every 1 KB (about half of
/// the search thread's time at 1M, docs/performance.md), and Lucene.Net's <see cref="MMapDirectory"/> reads byte by byte
/// through its <c>ByteBuffer</c> emulation (1.2–4.4× slower than SimpleFS at 1M). Writing is <see cref="FSDirectory"/>'s own.
/// <para>
/// <b>Lifetime, and why no read can touch unmapped memory.</b> Every opened file (<see cref="OpenInput"/>, or a compound
/// file's <see cref="CreateSlicer"/>) is mapped once, read-only, by a <see cref="MappedFile"/>; the input, every clone
/// of it and every slice hold that object in a field. The mapping is released by the garbage collector only, never by
/// a <c>Dispose</c>: <see cref="MappedFile"/>'s finalizer gives back the pointer it acquired, and the view's own
/// <see cref="System.Runtime.InteropServices.SafeHandle"/> unmaps in its critical finalizer, which runs after every
/// normal finalizer of that collection. Neither runs while any input, clone or slice of the file is reachable. Lucene
/// never closes clones, and a search may still hold a clone after the reader that owns the master input was closed
/// (SearcherManager refcounts readers, but nothing else ties a clone to its master), so closing the master only stops
/// the master itself (and <see cref="Slicer"/> only stops opening slices): its clones go on reading the same bytes
/// until they are collected. The JIT may consider <c>this</c> dead right after its last use in a method, while a raw
/// pointer read from it is still in use (a load, or a copy into the caller's array): every method that dereferences
/// ends with <see cref="GC.KeepAlive(object)"/> on the input (a JIT intrinsic: no code, only a longer GC liveness), so
/// the input, and through its field the mapping, is reachable until the last byte is read. Every read checks its
/// bounds against the input's own length before it dereferences, and a disposed input has nothing left to read, so a
/// read past the end throws <see cref="EndOfStreamException"/> as the other directories do, and a read after dispose
/// throws <see cref="ObjectDisposedException"/>; neither reaches memory outside the mapping. A disposed input keeps its
/// pointer (only its limit drops): a read on another thread that raced with the dispose — a misuse, but possible —
/// either fails the bounds check or reads mapped bytes; it never dereferences a cleared pointer.
/// </para>
/// <para>
/// <b>Files and disk space.</b> Lucene writes a file once and never changes it (<see cref="FSDirectory"/> deletes a
/// file before it writes one of the same name), so a mapped file is never shortened under a reader — the one thing
/// that would make a mapped read fault (SIGBUS). Nothing else may write into an open index folder (the folder lock;
/// <c>kb restore</c> refuses while an app uses the folder). On Linux a deleted file stays readable while mapped, and its
/// disk space comes back when the mapping is collected: the files of merged-away segments keep their space until the
/// next full garbage collection after their last reader and clones are gone, not at the moment Lucene deletes them.
/// Windows refuses to delete a mapped file; Lucene's <c>IndexFileDeleter</c> retries such deletes later, but the
/// product runs on Linux and this was not tested on Windows. The file's descriptor is closed right after mapping
/// (a mapping does not need it), so open files do not count against the descriptor limit.
/// </para>
/// </summary>
public sealed class MappedDirectory : FSDirectory
{
    public MappedDirectory(DirectoryInfo path, LockFactory? lockFactory = null)
        : base(path, lockFactory)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        var file = MappedFile.Open(path);
        return new MappedIndexInput($"MappedIndexInput(path=\"{path}\")", file, 0, file.Length);
    }

    /// <summary>Slices of one mapped file (the parts of a compound file, <c>.cfs</c>): one mapping shared by every slice and clone.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var path = Path.Combine(Directory.FullName, name);
        return new Slicer(path, MappedFile.Open(path));
    }

    /// <summary>
    /// One file mapped read-only, whole, and the pointer to its first byte. Released only when nothing references it
    /// (see <see cref="MappedDirectory"/>): there is deliberately no <c>Dispose</c>.
    /// </summary>
    internal sealed unsafe class MappedFile
    {
        /// <summary>Keeps the view (and its handle, which unmaps in its critical finalizer) reachable as long as this object is.</summary>
        private readonly MemoryMappedViewAccessor? _view;
        private int _released;

        private MappedFile(MemoryMappedViewAccessor? view, byte* pointer, long length)
        {
            _view = view;
            Pointer = pointer;
            Length = length;
        }

        /// <summary>Releases the pointer acquired at <see cref="Open"/>; the view's handle unmaps once it is finalized too.</summary>
        ~MappedFile() => Release();

        /// <summary>The first byte of the file; null for an empty file (nothing is mapped: 0 bytes cannot be).</summary>
        public byte* Pointer { get; }

        /// <summary>The file's length when it was mapped (Lucene's files never change once written).</summary>
        public long Length { get; }

        /// <summary>Maps the file at <paramref name="path"/>.</summary>
        /// <exception cref="FileNotFoundException">There is no such file.</exception>
        public static MappedFile Open(string path)
        {
            // Shared for deletion: Lucene deletes files that readers still have open (merged-away segments).
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.None);
            var length = stream.Length;
            if (length == 0)
            {
                return new MappedFile(null, null, 0);
            }

            // The file (and its descriptor) is closed when this method returns; the view stays valid without it.
            using var map = MemoryMappedFile.CreateFromFile(stream, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            var acquired = false;
            try
            {
                view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
                acquired = true;
                if (view.SafeMemoryMappedViewHandle.ByteLength < (ulong)(view.PointerOffset + length))
                {
                    throw new IOException($"the mapping of \"{path}\" is shorter than the file ({view.SafeMemoryMappedViewHandle.ByteLength} < {length} bytes)");
                }

                return new MappedFile(view, pointer + view.PointerOffset, length);
            }
            catch
            {
                if (acquired)
                {
                    view.SafeMemoryMappedViewHandle.ReleasePointer();
                }

                view.Dispose();
                throw;
            }
        }

        private void Release()
        {
            // The view's handle is a critical finalizable object: whether it was finalized before or after this object,
            // it unmaps only once this reference is released too. Only one release, ever.
            if (_view is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                _view.SafeMemoryMappedViewHandle.ReleasePointer();
            }
        }
    }

    private sealed class Slicer(string path, MappedFile file) : IndexInputSlicer
    {
        private MappedFile? _file = file;

        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            var mapped = _file ?? throw new ObjectDisposedException($"MappedDirectory slicer of \"{path}\"");
            if (offset < 0 || length < 0 || offset > mapped.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"slice {offset}:{offset + length} is outside \"{path}\" ({mapped.Length} bytes)");
            }

            return new MappedIndexInput($"MappedIndexInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", mapped, offset, length);
        }

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, (_file ?? throw new ObjectDisposedException($"MappedDirectory slicer of \"{path}\"")).Length);

        /// <summary>Stops opening slices; the slices already open keep the mapping (see <see cref="MappedDirectory"/>).</summary>
        protected override void Dispose(bool disposing) => _file = null;
    }

    /// <summary>
    /// Bytes <c>[offset, offset + length)</c> of a mapped file. Clones (<see cref="Clone"/>) share the mapping and the
    /// bounds, each with its own position. Lucene 4.8 writes big-endian: the fixed-width readers decode big-endian, as
    /// <see cref="DataInput"/>'s byte-by-byte defaults do.
    /// </summary>
    private sealed unsafe class MappedIndexInput : IndexInput
    {
        /// <summary>Holds the mapping for as long as this input (or any clone of it) is reachable; never cleared.</summary>
        private readonly MappedFile _file;
        private readonly long _length;

        /// <summary>The slice's first byte, never changed (once disposed, <see cref="_limit"/> −1 lets no read reach it).</summary>
        private readonly byte* _start;

        /// <summary>The bytes a read may reach: <see cref="_length"/>, or −1 once disposed.</summary>
        private long _limit;

        /// <summary>The next byte to read, relative to <see cref="_start"/>; ≥ 0, and may be past the end after a seek.</summary>
        private long _position;

        private bool _disposed;

        public MappedIndexInput(string description, MappedFile file, long offset, long length)
            : base(description)
        {
            _file = file;
            _start = file.Pointer + offset;
            _length = length;
            _limit = length;
        }

        public override long Length => _length;

        public override long Position => _position;

        public override void Seek(long pos)
        {
            if (pos < 0)
            {
                ThrowIfDisposed();
                throw new ArgumentOutOfRangeException(nameof(pos), $"seek to a negative position {pos}: {this}");
            }

            // As BufferedIndexInput: a seek past the end is allowed, the next read fails.
            _position = pos;
        }

        public override byte ReadByte()
        {
            var position = _position;
            if (position >= _limit)
            {
                ThrowEndOfStream(position, 1);
            }

            var value = _start[position];
            _position = position + 1;
            GC.KeepAlive(this);
            return value;
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            var destination = b.AsSpan(offset, len);
            var position = _position;
            if (len > _limit - position)
            {
                if (len == 0)
                {
                    // Nothing to read, even past the end (as BufferedIndexInput).
                    return;
                }

                ThrowEndOfStream(position, len);
            }

            new ReadOnlySpan<byte>(_start + position, len).CopyTo(destination);
            _position = position + len;
            GC.KeepAlive(this);
        }

        public override void ReadBytes(byte[] b, int offset, int len, bool useBuffer) => ReadBytes(b, offset, len);

        public override void SkipBytes(long numBytes)
        {
            if (numBytes < 0)
            {
                throw new ArgumentException("numBytes must be >= 0, got " + numBytes, nameof(numBytes));
            }

            var position = _position;
            if (numBytes > _limit - position)
            {
                if (numBytes == 0)
                {
                    return;
                }

                ThrowEndOfStream(position, numBytes);
            }

            _position = position + numBytes;
        }

        public override short ReadInt16()
        {
            var position = _position;
            if (_limit - position < sizeof(short))
            {
                ThrowEndOfStream(position, sizeof(short));
            }

            var value = BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(_start + position, sizeof(short)));
            _position = position + sizeof(short);
            GC.KeepAlive(this);
            return value;
        }

        public override int ReadInt32()
        {
            var position = _position;
            if (_limit - position < sizeof(int))
            {
                ThrowEndOfStream(position, sizeof(int));
            }

            var value = BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(_start + position, sizeof(int)));
            _position = position + sizeof(int);
            GC.KeepAlive(this);
            return value;
        }

        public override long ReadInt64()
        {
            var position = _position;
            if (_limit - position < sizeof(long))
            {
                ThrowEndOfStream(position, sizeof(long));
            }

            var value = BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(_start + position, sizeof(long)));
            _position = position + sizeof(long);
            GC.KeepAlive(this);
            return value;
        }

        public override int ReadVInt32()
        {
            var position = _position;
            if (_limit - position < 5)
            {
                // Near the end (or past it): byte by byte, each byte checked (DataInput's own decoding).
                return base.ReadVInt32();
            }

            var p = _start + position;
            int b = p[0];
            if (b < 0x80)
            {
                _position = position + 1;
                GC.KeepAlive(this);
                return b;
            }

            var i = b & 0x7F;
            b = p[1];
            i |= (b & 0x7F) << 7;
            if (b < 0x80)
            {
                _position = position + 2;
                GC.KeepAlive(this);
                return i;
            }

            b = p[2];
            i |= (b & 0x7F) << 14;
            if (b < 0x80)
            {
                _position = position + 3;
                GC.KeepAlive(this);
                return i;
            }

            b = p[3];
            i |= (b & 0x7F) << 21;
            if (b < 0x80)
            {
                _position = position + 4;
                GC.KeepAlive(this);
                return i;
            }

            b = p[4];
            // As DataInput: the fifth byte holds the top 4 bits only.
            i |= (b & 0x0F) << 28;
            if ((b & 0xF0) == 0)
            {
                _position = position + 5;
                GC.KeepAlive(this);
                return i;
            }

            GC.KeepAlive(this);
            throw new IOException("Invalid VInt32 detected (too many bits)");
        }

        public override long ReadVInt64()
        {
            var position = _position;
            if (_limit - position < 9)
            {
                return base.ReadVInt64();
            }

            var p = _start + position;
            long i = 0;
            for (var k = 0; k < 9; k++)
            {
                long b = p[k];
                i |= (b & 0x7F) << (7 * k);
                if (b < 0x80)
                {
                    _position = position + k + 1;
                    GC.KeepAlive(this);
                    return i;
                }
            }

            GC.KeepAlive(this);
            throw new IOException("Invalid VInt64 detected (negative values disallowed)");
        }

        /// <summary>Another input over the same mapping and bounds, at the same position, moving on its own.</summary>
        public override object Clone()
        {
            ThrowIfDisposed();
            return (MappedIndexInput)base.Clone();
        }

        /// <summary>
        /// Stops this input (its reads throw <see cref="ObjectDisposedException"/>); the mapping stays for its clones and
        /// slices until nothing references it (see <see cref="MappedDirectory"/>).
        /// </summary>
        protected override void Dispose(bool disposing)
        {
            _disposed = true;
            _limit = -1;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ThrowEndOfStream(long position, long count)
        {
            ThrowIfDisposed();
            throw new EndOfStreamException($"read past EOF: {this} (position {position}, {count} bytes, length {_length})");
        }

        private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
    }
}
