using System.Text;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// Decides a file's format from its bytes (magic numbers and content), never from its name alone.
/// Stateless and thread-safe.
/// </summary>
public static class FormatDetector
{
    private const int SniffLength = 4096;

    /// <summary>The kind of the file, or null when it is none of the accepted formats.</summary>
    public static DocumentKind? Detect(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return null;
        }

        // PDF: "%PDF-" within the first KiB (some writers put junk before it).
        var pdf = "%PDF-"u8;
        var pdfAt = head[..Math.Min(head.Length, 1024)].IndexOf(pdf);
        if (pdfAt >= 0)
        {
            return DocumentKind.Pdf;
        }

        // ZIP container: a .docx has [Content_Types].xml and a word/ part.
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return head.IndexOf("word/"u8) >= 0 || head.IndexOf("[Content_Types].xml"u8) >= 0 ? DocumentKind.Word : null;
        }

        if (LooksBinary(head))
        {
            return null;
        }

        var text = DecodeStart(head);
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (trimmed.StartsWith('<') && ContainsHtmlTag(text)))
        {
            return DocumentKind.Html;
        }

        return DocumentKind.Text;
    }

    public static async Task<DocumentKind?> DetectAsync(string path, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[SniffLength];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAtLeastAsync(buffer, SniffLength, throwOnEndOfStream: false, cancellationToken);
        var kind = Detect(buffer.AsSpan(0, read));
        if (kind == DocumentKind.Word)
        {
            return kind;
        }

        // A zip whose first entries are not Word parts: look at the whole central directory before refusing.
        if (kind is null && read >= 4 && buffer.AsSpan(0, 4).SequenceEqual("PK\u0003\u0004"u8))
        {
            return IsWordPackage(path) ? DocumentKind.Word : null;
        }

        return kind;
    }

    public static string ContentType(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Html => "text/html; charset=utf-8",
        DocumentKind.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/plain; charset=utf-8",
    };

    public static string Extension(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => ".pdf",
        DocumentKind.Html => ".html",
        DocumentKind.Word => ".docx",
        _ => ".txt",
    };

    private static bool IsWordPackage(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            return zip.Entries.Any(e => e.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        // UTF-16 text carries NULs; accept it when it starts with a BOM.
        if (head.StartsWith(new byte[] { 0xFF, 0xFE }) || head.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return false;
        }

        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                controls++;
            }
        }

        return controls > head.Length / 20;
    }

    private static string DecodeStart(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Encoding.Unicode.GetString(head);
        }

        if (head.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Encoding.BigEndianUnicode.GetString(head);
        }

        return Encoding.UTF8.GetString(head);
    }

    private static bool ContainsHtmlTag(string text) =>
        text.Contains("<body", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<head", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<div", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<p>", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<article", StringComparison.OrdinalIgnoreCase);
}
