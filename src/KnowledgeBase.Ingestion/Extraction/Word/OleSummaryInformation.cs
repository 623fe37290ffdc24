using System.Buffers.Binary;
using System.Text;

namespace KnowledgeBase.Ingestion.Extraction.Word;

/// <summary>
/// The title, author and creation date of an OLE compound file's <c>\u0005SummaryInformation</c> property set
/// ([MS-OLEPS]), which Word 97–2003 (and LibreOffice, saving a .doc) write from the document's properties.
/// Strings are read in the set's code page (property 1: 1252, 1258 Vietnamese, 65001 UTF-8, 1200 UTF-16 …).
/// A missing or damaged stream gives no properties, never an error. Immutable.
/// </summary>
public sealed record OleSummaryInformation(string? Title, string? Author, DateOnly? Created)
{
    public const string StreamName = "\u0005SummaryInformation";

    private const uint CodePageId = 1;
    private const uint TitleId = 2;
    private const uint AuthorId = 4;
    private const uint CreatedId = 12;
    private const ushort VtI2 = 2;
    private const ushort VtLpstr = 0x1E;
    private const ushort VtLpwstr = 0x1F;
    private const ushort VtFiletime = 0x40;

    public static OleSummaryInformation Empty { get; } = new(null, null, null);

    /// <summary>The properties of the compound file at <paramref name="path"/>; <see cref="Empty"/> when it has none.</summary>
    public static OleSummaryInformation Read(string path)
    {
        try
        {
            return CompoundFile.TryOpen(path)?.ReadStream(StreamName) is { } stream ? Parse(stream) : Empty;
        }
        catch (InvalidDataException)
        {
            return Empty;
        }
    }

    /// <summary>The properties in a SummaryInformation stream's bytes.</summary>
    public static OleSummaryInformation Parse(ReadOnlySpan<byte> stream)
    {
        try
        {
            if (stream.Length < 48 || BinaryPrimitives.ReadUInt16LittleEndian(stream) != 0xFFFE)
            {
                return Empty;
            }

            var setOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(stream[44..]);
            var set = stream[setOffset..];
            var count = BinaryPrimitives.ReadUInt32LittleEndian(set[4..]);
            var offsets = new Dictionary<uint, int>();
            for (var i = 0; i < Math.Min(count, 1000); i++)
            {
                offsets[BinaryPrimitives.ReadUInt32LittleEndian(set[(8 + (i * 8))..])] = (int)BinaryPrimitives.ReadUInt32LittleEndian(set[(12 + (i * 8))..]);
            }

            var codePage = offsets.TryGetValue(CodePageId, out var at) && BinaryPrimitives.ReadUInt16LittleEndian(set[at..]) == VtI2
                ? BinaryPrimitives.ReadUInt16LittleEndian(set[(at + 4)..])
                : 1252;
            var encoding = Encoding(codePage);
            var title = offsets.TryGetValue(TitleId, out var titleAt) ? ExtractionInput.Clean(String(set, titleAt, encoding)) : null;
            var author = offsets.TryGetValue(AuthorId, out var authorAt) ? ExtractionInput.Clean(String(set, authorAt, encoding)) : null;
            var created = offsets.TryGetValue(CreatedId, out var createdAt) ? FileTime(set, createdAt) : null;
            return new OleSummaryInformation(title, author, created);
        }
        catch (ArgumentOutOfRangeException)
        {
            return Empty;
        }
    }

    private static string? String(ReadOnlySpan<byte> set, int offset, Encoding encoding)
    {
        var type = BinaryPrimitives.ReadUInt16LittleEndian(set[offset..]);
        var length = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(set[(offset + 4)..]), 64 * 1024);
        var value = type switch
        {
            VtLpstr => encoding.GetString(set.Slice(offset + 8, length)),
            VtLpwstr => System.Text.Encoding.Unicode.GetString(set.Slice(offset + 8, length * 2)),
            _ => null,
        };
        return value?.Split('\0')[0];
    }

    private static DateOnly? FileTime(ReadOnlySpan<byte> set, int offset)
    {
        if (BinaryPrimitives.ReadUInt16LittleEndian(set[offset..]) != VtFiletime)
        {
            return null;
        }

        var ticks = BinaryPrimitives.ReadInt64LittleEndian(set[(offset + 4)..]);

        // Word writes 0 (or a day in 1601) for "no date"; anything before 1980 is not a document's date.
        return ticks > 0 && ticks < DateTime.MaxValue.ToFileTimeUtc() && DateTime.FromFileTimeUtc(ticks) is { Year: >= 1980 } date ? DateOnly.FromDateTime(date) : null;
    }

    private static Encoding Encoding(int codePage)
    {
        if (codePage == 1200)
        {
            return System.Text.Encoding.Unicode;
        }

        if (codePage == 65001)
        {
            return System.Text.Encoding.UTF8;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? System.Text.Encoding.GetEncoding(codePage);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        }
    }
}
