using System.IO.Compression;
using System.Text;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// Which document a container holds: a zip is a .docx (word/document.xml), a .pptx (ppt/presentation.xml) or an
/// .odt (its <c>mimetype</c> entry); an OLE compound file is a Word 97–2003 .doc (a <c>WordDocument</c> stream)
/// or a password-protected Office Open XML file (an <c>EncryptedPackage</c> stream, left to the Word extractor
/// to refuse with its reason). Stateless and thread-safe.
/// </summary>
internal static class ContainerSniffer
{
    public const string OdtMimeType = "application/vnd.oasis.opendocument.text";

    /// <summary>The eight bytes every OLE compound file (.doc, .xls, .ppt, encrypted .docx) starts with.</summary>
    public static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly byte[] WordDocumentName = Encoding.Unicode.GetBytes("WordDocument");
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");

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
