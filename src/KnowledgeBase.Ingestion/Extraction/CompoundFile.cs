using System.Buffers.Binary;
using System.Text;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// A read-only view of an OLE compound file ([MS-CFB]: .doc, .xls, .ppt, a password-protected .docx/.pptx): the
/// names of its streams and the bytes of a small stream (document properties), read through the FAT, the mini
/// FAT and the DIFAT. Only what the extractors need: streams are found by name wherever they are in the
/// directory (the ones looked for are in the root storage), nothing is written. Every chain is
/// bounded by the file's size, so a damaged file fails with <see cref="InvalidDataException"/> instead of looping.
/// Not thread-safe (one per file).
/// </summary>
public sealed class CompoundFile
{
    /// <summary>Streams longer than this are not read into memory here (document properties are a few KiB).</summary>
    public const int MaxStreamBytes = 16 * 1024 * 1024;

    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const int DirectoryEntrySize = 128;

    private readonly byte[] _bytes;
    private readonly int _sectorSize;
    private readonly uint[] _fat;
    private readonly uint[] _miniFat;
    private readonly byte[] _miniStream;
    private readonly uint _miniCutoff;
    private readonly List<Entry> _entries;

    private CompoundFile(byte[] bytes)
    {
        _bytes = bytes;
        if (bytes.Length < 512 || !bytes.AsSpan(0, 8).SequenceEqual(ContainerSniffer.OleMagic))
        {
            throw new InvalidDataException("not an OLE compound file");
        }

        var shift = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(30));
        if (shift is not (9 or 12))
        {
            throw new InvalidDataException("bad sector size");
        }

        _sectorSize = 1 << shift;
        _miniCutoff = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(56));
        _fat = ReadFat();
        _entries = ReadDirectory(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(48)));
        var miniFatStart = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(60));
        _miniFat = ToUInts(miniFatStart is EndOfChain or FreeSector ? [] : ReadChain(miniFatStart, long.MaxValue));
        var root = _entries.Count > 0 ? _entries[0] : throw new InvalidDataException("no root entry");
        _miniStream = root.Size == 0 ? [] : ReadChain(root.Start, root.Size);
    }

    /// <summary>The compound file at <paramref name="path"/>, or null when it is not one (or too damaged to list).</summary>
    public static CompoundFile? TryOpen(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[8];
            if (stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) < 8 || !head.SequenceEqual(ContainerSniffer.OleMagic))
            {
                return null;
            }

            return new CompoundFile(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The names of the streams in the file.</summary>
    public IEnumerable<string> StreamNames => _entries.Where(e => e.Type == 2).Select(e => e.Name);

    public bool HasStream(string name) => _entries.Any(e => e.Type == 2 && e.Name == name);

    /// <summary>The bytes of stream <paramref name="name"/>; null when there is none or it is larger than <see cref="MaxStreamBytes"/>.</summary>
    /// <exception cref="InvalidDataException">Its sector chain is broken.</exception>
    public byte[]? ReadStream(string name)
    {
        var entry = _entries.FirstOrDefault(e => e.Type == 2 && e.Name == name);
        if (entry is null || entry.Size > MaxStreamBytes)
        {
            return null;
        }

        return entry.Size < _miniCutoff ? ReadMiniChain(entry.Start, entry.Size) : ReadChain(entry.Start, entry.Size);
    }

    private uint[] ReadFat()
    {
        // The first 109 FAT sector numbers are in the header; more follow in DIFAT sectors.
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++)
        {
            fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(76 + (i * 4))));
        }

        var difat = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(68));
        var guard = 0;
        while (difat is not (EndOfChain or FreeSector) && guard++ < _bytes.Length / _sectorSize)
        {
            var sector = Sector(difat);
            var perSector = (_sectorSize / 4) - 1;
            for (var i = 0; i < perSector; i++)
            {
                fatSectors.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[(i * 4)..]));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(perSector * 4)..]);
        }

        var fat = new List<uint>();
        foreach (var number in fatSectors.Where(s => s is not (EndOfChain or FreeSector)))
        {
            fat.AddRange(ToUInts(Sector(number).ToArray()));
        }

        return [.. fat];
    }

    private List<Entry> ReadDirectory(uint start)
    {
        var directory = ReadChain(start, long.MaxValue);
        var entries = new List<Entry>();
        for (var at = 0; at + DirectoryEntrySize <= directory.Length; at += DirectoryEntrySize)
        {
            var entry = directory.AsSpan(at, DirectoryEntrySize);
            var nameLength = Math.Min(64, (int)BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]));
            var name = nameLength >= 2 ? Encoding.Unicode.GetString(entry[..(nameLength - 2)]) : string.Empty;
            var size = _sectorSize == 512 ? BinaryPrimitives.ReadUInt32LittleEndian(entry[120..]) : (long)BinaryPrimitives.ReadUInt64LittleEndian(entry[120..]);
            entries.Add(new Entry(name, entry[66], BinaryPrimitives.ReadUInt32LittleEndian(entry[116..]), size));
        }

        return entries;
    }

    private ReadOnlySpan<byte> Sector(uint number)
    {
        var offset = (long)(number + 1) * _sectorSize;
        return offset + _sectorSize <= _bytes.Length
            ? _bytes.AsSpan((int)offset, _sectorSize)
            : offset < _bytes.Length ? _bytes.AsSpan((int)offset) : throw new InvalidDataException("a sector lies past the end of the file");
    }

    private byte[] ReadChain(uint start, long size)
    {
        using var output = new MemoryStream();
        var sector = start;
        var limit = _bytes.Length / _sectorSize;
        while (sector is not (EndOfChain or FreeSector) && output.Length < size)
        {
            if (sector >= _fat.Length || limit-- < 0)
            {
                throw new InvalidDataException("broken sector chain");
            }

            output.Write(Sector(sector));
            sector = _fat[sector];
        }

        var bytes = output.ToArray();
        return size == long.MaxValue || bytes.Length <= size ? bytes : bytes[..(int)size];
    }

    private byte[] ReadMiniChain(uint start, long size)
    {
        const int MiniSectorSize = 64;
        var output = new byte[size];
        var written = 0;
        var sector = start;
        var limit = _miniStream.Length / MiniSectorSize;
        while (written < size)
        {
            if (sector >= _miniFat.Length || ((long)sector * MiniSectorSize) + MiniSectorSize > _miniStream.Length || limit-- < 0)
            {
                throw new InvalidDataException("broken mini sector chain");
            }

            var count = (int)Math.Min(MiniSectorSize, size - written);
            _miniStream.AsSpan((int)sector * MiniSectorSize, count).CopyTo(output.AsSpan(written));
            written += count;
            sector = _miniFat[sector];
        }

        return output;
    }

    private static uint[] ToUInts(byte[] bytes)
    {
        var values = new uint[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return values;
    }

    /// <summary>A directory entry; <c>Type</c> is 1 for a storage, 2 a stream, 5 the root.</summary>
    private sealed record Entry(string Name, byte Type, uint Start, long Size);
}
