using System.Globalization;
using System.Text;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Vietnamese.Legacy;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Ingestion.Extraction.Text;

/// <summary>
/// Plain text: decoded (BOM, else UTF-8, else Windows-1252 bytes kept as Latin-1), NFC, split into
/// paragraphs. A first line that is a date ("20/01/2016 14:44:30") becomes the document date and the
/// next short line the title. Text in a legacy encoding (TCVN3, VNI: 8-bit files read as Latin-1) is found by
/// the statistical detector and converted. Stateless and thread-safe.
/// </summary>
public sealed class TextExtractor : IDocumentExtractor
{
    private const int MaxTitleLength = 250;
    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "d-M-yyyy", "d.M.yyyy"];

    public bool CanExtract(DocumentKind kind) => kind == DocumentKind.Text;

    public async Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Extract(Decode(bytes));
    }

    public static ExtractedDocument Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (repaired, encoding) = LegacyEncodingDetector.Repair(text);
        var lines = VietnameseText.ToNfc(repaired).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var index = 0;
        SkipBlank(lines, ref index);
        DateOnly? date = null;
        string? title = null;
        if (index < lines.Length && TryParseDateLine(lines[index], out var parsed))
        {
            date = parsed;
            index++;
            SkipBlank(lines, ref index);
            if (index < lines.Length && lines[index].Trim().Length is > 0 and <= MaxTitleLength)
            {
                title = lines[index].Trim();
                index++;
            }
        }

        var body = lines.Skip(index).ToList();
        var blocks = new List<TextBlock>();
        if (title is not null)
        {
            // Kept as text (it is searchable) but not as a section heading: every passage would repeat it.
            blocks.Add(new TextBlock(title));
        }

        // Paragraphs are separated by blank lines; text with almost none uses one paragraph per line.
        var blankLines = body.Count(l => l.Trim().Length == 0);
        var nonBlank = body.Count - blankLines;
        var onePerLine = nonBlank > 3 && blankLines * 4 < nonBlank;
        var paragraph = new StringBuilder();
        foreach (var raw in body)
        {
            var line = raw.Trim();
            if (line.Length == 0 || onePerLine)
            {
                Flush(paragraph, blocks);
            }

            if (line.Length > 0)
            {
                paragraph.Append(paragraph.Length > 0 ? " " : string.Empty).Append(line);
            }
        }

        Flush(paragraph, blocks);
        var page = SinglePage.Build(blocks, encoding);
        return new ExtractedDocument { Title = title, Date = date, Pages = [page] };
    }

    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static bool TryParseDateLine(string line, out DateOnly date)
    {
        date = default;
        var first = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null
            && line.Trim().Length <= 40
            && DateOnly.TryParseExact(first, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static void SkipBlank(string[] lines, ref int index)
    {
        while (index < lines.Length && lines[index].Trim().Length == 0)
        {
            index++;
        }
    }

    private static void Flush(StringBuilder paragraph, List<TextBlock> blocks)
    {
        if (paragraph.Length > 0)
        {
            blocks.Add(new TextBlock(paragraph.ToString()));
            paragraph.Clear();
        }
    }
}
