using System.IO.Compression;
using System.Text;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// Which document a container holds: a zip is a .docx (word/document.xml), a .pptx (ppt/presentation.xml) or an
/// .odt (its <c>mimetype</c> entry); an OLE compound file is a Word 97–2003 .doc (a <c>WordDocument</c> stream)
/// or a password-protected Office Open XML file (an <c>EncryptedPackage</c> stream: its parts are encrypted, so
/// whether it is a .docx or a .pptx is told by the file's name, see <see cref="EncryptedPackageKind"/>; the
/// extractor of that kind refuses it with its reason). Stateless and thread-safe.
/// </summary>
internal static class ContainerSniffer
{
    public const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    /// <summary>The eight bytes every OLE compound file (.doc, .xls, .ppt, encrypted .docx) starts with.</summary>
    public static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly byte[] WordDocumentName = Encoding.Unicode.GetBytes("WordDocument");
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes(EncryptedPackageStream);

    /// <summary>A guess from the first bytes only (the local header of the first entries).</summary>
    public static DocumentKind? ZipKindFromHead(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf("mimetype"u8) is var at and >= 0 && head[at..].IndexOf(Encoding.ASCII.GetBytes(OdtMimeType)) is >= 0 and < 64)
        {
            return DocumentKind.OpenDocument;
        }

        if (head.IndexOf("ppt/"u8) >= 0)
        {
            return DocumentKind.PowerPoint;
        }

        return head.IndexOf("word/"u8) >= 0 || head.IndexOf("[Content_Types].xml"u8) >= 0 ? DocumentKind.Word : null;
    }

    /// <summary>
    /// The kind from the zip's entries; null when it is none of the three. A zip that cannot be read gives
    /// <paramref name="guess"/>, the kind its first bytes suggest, so that a damaged document is not refused at the
    /// door but fails in extraction with its reason.
    /// </summary>
    public static DocumentKind? ZipKind(string path, DocumentKind? guess)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("mimetype") is { } mimetype && mimetype.Length < 256)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == OdtMimeType)
                {
                    return DocumentKind.OpenDocument;
                }
            }

            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("word/document.xml") ? DocumentKind.Word
                : names.Contains("ppt/presentation.xml") ? DocumentKind.PowerPoint
                : null;
        }
        catch (InvalidDataException)
        {
            return guess;
        }
    }

    /// <summary>
    /// The kind a password-protected Office Open XML file is taken for: nothing inside says whether the encrypted
    /// package is a presentation or a document, so the name's extension decides (.pptx and its variants a
    /// PowerPoint presentation, .docx and its variants a Word file), and a name that does not tell (none, .tmp, .bin…)
    /// gives <see cref="DocumentKind.Office"/>: the failure names no kind it cannot know.
    /// </summary>
    public static DocumentKind EncryptedPackageKind(string? fileName) =>
        Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
        {
            ".pptx" or ".pptm" or ".ppsx" or ".ppsm" or ".potx" or ".potm" => DocumentKind.PowerPoint,
            ".docx" or ".docm" or ".dotx" or ".dotm" => DocumentKind.Word,
            _ => DocumentKind.Office,
        };

    /// <summary>Whether the file is a password-protected Office Open XML file (a compound file with an <c>EncryptedPackage</c> stream).</summary>
    public static bool IsEncryptedPackage(string path) =>
        CompoundFile.TryOpen(path) is { } file && file.HasStream(EncryptedPackageStream);

    public const string EncryptedPackageStream = "EncryptedPackage";

    /// <summary>The failure of a password-protected Office Open XML file taken for <paramref name="kind"/> (reason code <c>encrypted</c>).</summary>
    public static string EncryptedMessage(DocumentKind kind) => kind switch
    {
        DocumentKind.PowerPoint => "The PowerPoint presentation is password-protected (encrypted); open it in PowerPoint and save it without a password to add it.",
        DocumentKind.Word => "The Word file is password-protected (encrypted); open it in Word and save it without a password to add it.",
        _ => "The Office file is password-protected (encrypted); open it in Word or PowerPoint and save it without a password to add it.",
    };

    public static DocumentKind? OleKindFromHead(ReadOnlySpan<byte> head) =>
        head.IndexOf(WordDocumentName) >= 0 ? DocumentKind.LegacyWord
        : head.IndexOf(EncryptedPackageName) >= 0 ? DocumentKind.Word
        : null;

    /// <summary>
    /// The kind from the compound file's directory, found by its stream names (UTF-16) anywhere in the file: the
    /// directory sectors may lie anywhere, and reading the file once is cheaper than parsing its sector chains.
    /// </summary>
    public static async Task<DocumentKind?> OleKindAsync(Stream stream, CancellationToken cancellationToken)
    {
        stream.Position = 0;
        var buffer = new byte[1 << 16];
        var overlap = EncryptedPackageName.Length;
        var filled = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
        {
            var window = buffer.AsSpan(0, filled + read);
            if (OleKindFromHead(window) is { } kind)
            {
                return kind;
            }

            // Keep the tail so a name split across two reads is still found.
            window[^Math.Min(overlap, window.Length)..].CopyTo(buffer);
            filled = Math.Min(overlap, window.Length);
        }

        return null;
    }
}
