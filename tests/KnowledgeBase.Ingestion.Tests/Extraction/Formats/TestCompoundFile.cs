using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>
/// Writes an OLE compound file ([MS-CFB] version 3, 512-byte sectors) with the given streams in its root storage:
/// streams under 4,096 bytes in the mini stream, the others in sectors of their own, as Office lays them out.
/// Used for password-protected Office Open XML files, whose streams are <c>EncryptionInfo</c> and
/// <c>EncryptedPackage</c> ([MS-OFFCRYPTO] 2.3.4.10 agile encryption).
/// </summary>
internal static class TestCompoundFile
{
    private const int SectorSize = 512;
    private const int MiniSectorSize = 64;
    private const int MiniCutoff = 4096;
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint Free = 0xFFFFFFFF;
    private const uint FatSector = 0xFFFFFFFD;

    /// <summary>A password-protected .docx or .pptx as Office writes it: the package encrypted, nothing else readable.</summary>
    public static void WriteEncryptedOfficeFile(string path)
    {
        // Version 4.4, flags 0x40 (agile), then the XML descriptor (key data trimmed to what identifies it).
        var info = new byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(info, 4);
        BinaryPrimitives.WriteUInt16LittleEndian(info.AsSpan(2), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(info.AsSpan(4), 0x40);
        var xml = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<encryption xmlns=\"http://schemas.microsoft.com/office/2006/encryption\" " +
            "xmlns:p=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\"><keyData saltSize=\"16\" blockSize=\"16\" keyBits=\"256\" hashSize=\"64\" " +
            "cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\" saltValue=\"" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)) + "\"/>" +
            "<keyEncryptors><keyEncryptor uri=\"http://schemas.microsoft.com/office/2006/keyEncryptor/password\"><p:encryptedKey spinCount=\"100000\" saltSize=\"16\" " +
            "blockSize=\"16\" keyBits=\"256\" hashSize=\"64\" cipherAlgorithm=\"AES\" cipherChaining=\"ChainingModeCBC\" hashAlgorithm=\"SHA512\"/></keyEncryptor></keyEncryptors></encryption>");

        // The package's size, then its encrypted 4,096-byte segments: to anyone without the password, noise.
        var package = new byte[8 + (3 * 4096)];
        BinaryPrimitives.WriteUInt64LittleEndian(package, 11_873);
        RandomNumberGenerator.Fill(package.AsSpan(8));
        Write(path, ("EncryptionInfo", [.. info, .. xml]), ("EncryptedPackage", package));
    }

    public static void Write(string path, params (string Name, byte[] Bytes)[] streams)
    {
        // Sibling order in the directory tree: shorter names first, then by upper-case name.
        var ordered = streams.OrderBy(s => s.Name.Length).ThenBy(s => s.Name.ToUpperInvariant(), StringComparer.Ordinal).ToList();
        var small = ordered.Where(s => s.Bytes.Length < MiniCutoff).ToList();
        var large = ordered.Where(s => s.Bytes.Length >= MiniCutoff).ToList();

        // The mini stream and its FAT.
        var miniStream = new MemoryStream();
        var miniFat = new List<uint>();
        var miniStart = new Dictionary<string, uint>();
        foreach (var (name, bytes) in small)
        {
            var count = Math.Max(1, (bytes.Length + MiniSectorSize - 1) / MiniSectorSize);
            miniStart[name] = (uint)miniFat.Count;
            for (var i = 0; i < count; i++)
            {
                miniFat.Add(i == count - 1 ? EndOfChain : (uint)(miniFat.Count + 1));
            }

            miniStream.Write(bytes);
            miniStream.Write(new byte[(count * MiniSectorSize) - bytes.Length]);
        }

        // Sectors: the large streams, the mini stream, the mini FAT, the directory, then the FAT.
        var sectors = new List<byte[]>();
        var fat = new List<uint>();
        uint Chain(byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                return EndOfChain;
            }

            var start = (uint)sectors.Count;
            for (var at = 0; at < bytes.Length; at += SectorSize)
            {
                var sector = new byte[SectorSize];
                bytes.AsSpan(at, Math.Min(SectorSize, bytes.Length - at)).CopyTo(sector);
                sectors.Add(sector);
                fat.Add(at + SectorSize >= bytes.Length ? EndOfChain : (uint)sectors.Count);
            }

            return start;
        }

        var largeStart = large.ToDictionary(s => s.Name, s => Chain(s.Bytes));
        var miniStreamStart = Chain(miniStream.ToArray());
        var miniFatBytes = new byte[((miniFat.Count * 4) + SectorSize - 1) / SectorSize * SectorSize];
        for (var i = 0; i < miniFatBytes.Length / 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(miniFatBytes.AsSpan(i * 4), i < miniFat.Count ? miniFat[i] : Free);
        }

        var miniFatStart = miniFat.Count == 0 ? EndOfChain : Chain(miniFatBytes);
        var miniFatSectors = miniFatBytes.Length / SectorSize;

        var entries = (ordered.Count + 1 + 3) / 4 * 4;
        var directory = new byte[entries * 128];
        Entry(directory, 0, "Root Entry", type: 5, right: Free, child: ordered.Count > 0 ? 1u : Free, start: miniStreamStart, size: miniStream.Length);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (name, bytes) = ordered[i];
            var start = bytes.Length < MiniCutoff ? miniStart[name] : largeStart[name];
            Entry(directory, i + 1, name, type: 2, right: i + 1 < ordered.Count ? (uint)(i + 2) : Free, child: Free, start: start, size: bytes.Length);
        }

        for (var i = ordered.Count + 1; i < entries; i++)
        {
            Entry(directory, i, string.Empty, type: 0, right: Free, child: Free, start: 0, size: 0);
        }

        var directoryStart = Chain(directory);

        // The FAT covers every sector, its own included.
        var fatSectors = 1;
        while ((sectors.Count + fatSectors) * 4 > fatSectors * SectorSize)
        {
            fatSectors++;
        }

        var fatStart = (uint)sectors.Count;
        for (var i = 0; i < fatSectors; i++)
        {
            fat.Add(FatSector);
        }

        var fatBytes = new byte[fatSectors * SectorSize];
        for (var i = 0; i < fatBytes.Length / 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fatBytes.AsSpan(i * 4), i < fat.Count ? fat[i] : Free);
        }

        var header = new byte[SectorSize];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(24), 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(26), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(28), 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(30), 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(32), 6);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(44), (uint)fatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(48), directoryStart);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(56), MiniCutoff);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(60), miniFatStart);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(64), (uint)miniFatSectors);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76 + (i * 4)), i < fatSectors ? fatStart + (uint)i : Free);
        }

        using var output = File.Create(path);
        output.Write(header);
        foreach (var sector in sectors)
        {
            output.Write(sector);
        }

        output.Write(fatBytes);
    }

    private static void Entry(byte[] directory, int index, string name, byte type, uint right, uint child, uint start, long size)
    {
        var entry = directory.AsSpan(index * 128, 128);
        if (name.Length > 0)
        {
            Encoding.Unicode.GetBytes(name).CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)((name.Length + 1) * 2));
        }

        entry[66] = type;
        entry[67] = 1; // black
        BinaryPrimitives.WriteUInt32LittleEndian(entry[68..], Free); // left sibling
        BinaryPrimitives.WriteUInt32LittleEndian(entry[72..], right);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[76..], child);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[116..], start);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[120..], (uint)size);
    }
}
