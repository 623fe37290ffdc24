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

        // ZIP container: an .odt starts with its stored "mimetype" entry; a .pptx has ppt/ parts, a .docx word/ ones.
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return ContainerSniffer.ZipKindFromHead(head);
        }

        if (head.StartsWith(ContainerSniffer.OleMagic))
        {
            return ContainerSniffer.OleKindFromHead(head);
        }

        if (ImageKind(head) is not null)
        {
            return DocumentKind.Image;
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

    public static Task<DocumentKind?> DetectAsync(string path, CancellationToken cancellationToken = default) =>
        DetectAsync(path, null, cancellationToken);

    /// <summary>
    /// As <see cref="DetectAsync(string, CancellationToken)"/>; <paramref name="fileName"/>, the name the file came
    /// with, only tells a password-protected .pptx from a .docx (their encrypted parts cannot be looked into).
    /// </summary>
    public static async Task<DocumentKind?> DetectAsync(string path, string? fileName, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[SniffLength];
        await using var stream = File.OpenRead(path);
        var read = await stream.ReadAtLeastAsync(buffer, SniffLength, throwOnEndOfStream: false, cancellationToken);
        var head = buffer.AsSpan(0, read);
        var kind = Detect(head);

        // Containers: the head only hints; the zip's entries or the compound file's stream names decide.
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return ContainerSniffer.ZipKind(path, kind);
        }

        if (head.StartsWith(ContainerSniffer.OleMagic))
        {
            var ole = await ContainerSniffer.OleKindAsync(stream, cancellationToken);
            return ole == DocumentKind.Word ? ContainerSniffer.EncryptedPackageKind(fileName) : ole;
        }

        return kind;
    }

    /// <summary>The image format of <paramref name="head"/>: "png", "jpeg", "tiff", or null for none.</summary>
    public static string? ImageKind(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "png";
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return "jpeg";
        }

        return head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) ? "tiff" : null;
    }

    public static string ContentType(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Html => "text/html; charset=utf-8",
        DocumentKind.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentKind.LegacyWord => "application/msword",
        DocumentKind.OpenDocument => "application/vnd.oasis.opendocument.text",
        DocumentKind.PowerPoint => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        DocumentKind.Image or DocumentKind.Office => "application/octet-stream",
        _ => "text/plain; charset=utf-8",
    };

    /// <summary>As <see cref="ContentType(DocumentKind)"/>, an image's type taken from its file name's extension.</summary>
    public static string ContentType(DocumentKind kind, string? fileName) =>
        kind != DocumentKind.Image ? ContentType(kind) : Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".tif" or ".tiff" => "image/tiff",
            _ => ContentType(kind),
        };

    public static string Extension(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => ".pdf",
        DocumentKind.Html => ".html",
        DocumentKind.Word => ".docx",
        DocumentKind.LegacyWord => ".doc",
        DocumentKind.OpenDocument => ".odt",
        DocumentKind.PowerPoint => ".pptx",
        DocumentKind.Image => ".png",
        DocumentKind.Office => ".bin",
        _ => ".txt",
    };

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
