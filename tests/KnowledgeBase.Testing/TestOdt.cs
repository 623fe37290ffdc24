using System.IO.Compression;
using System.Security;
using System.Text;

namespace KnowledgeBase.Testing;

/// <summary>Writes a small OpenDocument text file from content.xml body markup, as LibreOffice lays one out.</summary>
public static class TestOdt
{
    private const string Namespaces =
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " +
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" " +
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " +
        "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" " +
        "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" " +
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

    /// <summary>An .odt of <c>body</c> (content.xml markup); <c>masterStyles</c>, the master pages with their headers and footers, goes to a styles.xml (none when null).</summary>
    public static void Write(string path, string body, string? title = null, bool encrypted = false, string? masterStyles = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "mimetype", "application/vnd.oasis.opendocument.text", CompressionLevel.NoCompression);
        Add(zip, "content.xml", encrypted
            ? "\u0001\u0002 not xml: the encrypted bytes"
            : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content {Namespaces} office:version=\"1.3\"><office:body><office:text>{body}</office:text></office:body></office:document-content>");
        if (masterStyles is not null)
        {
            Add(zip, "styles.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles {Namespaces} office:version=\"1.3\"><office:master-styles>{masterStyles}</office:master-styles></office:document-styles>");
        }

        var titleElement = title is null ? string.Empty : $"<dc:title>{SecurityElement.Escape(title)}</dc:title>";
        Add(zip, "meta.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta {Namespaces}><office:meta>{titleElement}<meta:initial-creator>Nguyễn Văn An</meta:initial-creator><meta:creation-date>2024-03-05T09:00:00</meta:creation-date><dc:language>vi-VN</dc:language></office:meta></office:document-meta>");
        var encryption = encrypted ? "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/>" : string.Empty;
        Add(zip, "META-INF/manifest.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest {Namespaces}><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">{encryption}</manifest:file-entry></manifest:manifest>");
    }

    /// <summary>The same body as a flat OpenDocument file (.fodt), which LibreOffice opens.</summary>
    public static void WriteFlat(string path, string body, string automaticStyles = "", string meta = "") =>
        File.WriteAllText(path, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document {Namespaces} office:version=\"1.3\" office:mimetype=\"application/vnd.oasis.opendocument.text\">{(meta.Length > 0 ? $"<office:meta>{meta}</office:meta>" : string.Empty)}{automaticStyles}<office:body><office:text>{body}</office:text></office:body></office:document>");

    private static void Add(ZipArchive zip, string name, string text, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
