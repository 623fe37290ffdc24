using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Extraction.OpenDocument;

/// <summary>
/// An OpenDocument text (.odt) file: its <c>content.xml</c> read with System.IO.Compression and XmlReader
/// (<see cref="OdtBody"/> walks it), its <c>styles.xml</c> for the page headers and footers (kept once), its
/// <c>meta.xml</c> for the title, author, date and language. A file saved
/// by LibreOffice marks where its pages broke (<c>text:soft-page-break</c>): those become the pages; otherwise
/// the whole text is page 1. Stateless and thread-safe.
/// </summary>
public sealed class OdtExtractor : IDocumentExtractor
{
    private const long MaxXmlCharacters = 200_000_000;
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";

    public bool CanExtract(DocumentKind kind) => kind == DocumentKind.OpenDocument;

    public Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        ExtractionInput.RequireNonEmptyFile(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (IsEncrypted(zip))
            {
                throw new ExtractionException("The OpenDocument file is password-protected; save it without a password.");
            }

            var content = Load(zip, "content.xml") ?? throw new ExtractionException("The OpenDocument file has no content.xml (damaged or not an .odt).");
            var pages = OdtBody.Pages(content, Load(zip, "styles.xml"), cancellationToken)
                .Select((blocks, index) => SinglePage.Repaired(blocks, index + 1))
                .ToList();
            return Task.FromResult(Document(Load(zip, "meta.xml"), pages));
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException)
        {
            throw new ExtractionException("The file is not a readable OpenDocument text (damaged or not an .odt): " + ex.Message, ex);
        }
    }

    private static ExtractedDocument Document(XDocument? meta, List<ExtractedPage> pages)
    {
        var info = meta?.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "meta");
        var created = info?.Element(Meta + "creation-date")?.Value;
        return new ExtractedDocument
        {
            Title = ExtractionInput.Clean(info?.Element(Dc + "title")?.Value)
                ?? pages.SelectMany(p => p.Blocks).FirstOrDefault(b => b.Kind == TextBlockKind.Heading)?.Text,
            Author = ExtractionInput.Clean(info?.Element(Meta + "initial-creator")?.Value ?? info?.Element(Dc + "creator")?.Value),
            Date = DateTime.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? DateOnly.FromDateTime(date) : null,
            Language = ExtractionInput.Clean(info?.Element(Dc + "language")?.Value),
            Pages = pages.Count == 0 ? [SinglePage.Build([], Vietnamese.Legacy.LegacyEncoding.None)] : pages,
        };
    }

    private static bool IsEncrypted(ZipArchive zip)
    {
        var manifest = Load(zip, "META-INF/manifest.xml");
        return manifest?.Descendants().Any(e => e.Name.LocalName == "encryption-data") == true;
    }

    private static XDocument? Load(ZipArchive zip, string name)
    {
        if (zip.GetEntry(name) is not { } entry)
        {
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxXmlCharacters,
        };
        using var stream = entry.Open();
        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
    }
}
