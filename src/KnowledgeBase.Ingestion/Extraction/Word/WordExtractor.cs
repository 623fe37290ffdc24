using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Vietnamese.Legacy;
using KnowledgeBase.Vietnamese.Text;
// Inside KnowledgeBase.Ingestion.Extraction a bare "Text" is the plain-text extractor's namespace.
using RunText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace KnowledgeBase.Ingestion.Extraction.Word;

/// <summary>
/// A Word (.docx) file through DocumentFormat.OpenXml: headings (with their level) become heading blocks,
/// paragraphs, list items and table rows (cells joined by " | ") follow in document order, as one page.
/// Runs set in legacy fonts (".VnTime", "VNI-Times") are converted by font; legacy text in other fonts is
/// caught by the statistical detector. Stateless and thread-safe.
/// </summary>
public sealed class WordExtractor : IDocumentExtractor
{
    private const string CellSeparator = " | ";

    public bool CanExtract(DocumentKind kind) => kind == DocumentKind.Word;

    public Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        ExtractionInput.RequireNonEmptyFile(path);
        try
        {
            using var document = WordprocessingDocument.Open(path, false);
            return Task.FromResult(Extract(document, cancellationToken));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or IOException)
        {
            throw new ExtractionException(
                ContainerSniffer.IsEncryptedPackage(path) ? ContainerSniffer.EncryptedMessage(DocumentKind.Word)
                : IsCompoundFile(path) ? "The Word file is in an old binary format (not a .docx); save it as a .docx."
                : "The file is not a readable Word document (damaged or not a .docx): " + ex.Message,
                ex);
        }
    }

    private static ExtractedDocument Extract(WordprocessingDocument document, CancellationToken cancellationToken)
    {
        var main = document.MainDocumentPart ?? throw new ExtractionException("The Word file has no main document part.");
        var body = main.Document?.Body ?? throw new ExtractionException("The Word file has no body.");
        var styles = StyleMap(main);
        var blocks = new List<TextBlock>();
        var legacy = new Dictionary<LegacyEncoding, int>();
        foreach (var element in body.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddElement(element, styles, blocks, legacy);
        }

        // Legacy text in a font whose name does not say so: decide from the text itself.
        blocks = SinglePage.RepairLegacy(blocks, out var detected);
        if (detected != LegacyEncoding.None)
        {
            legacy[detected] = legacy.GetValueOrDefault(detected) + 1;
        }

        var encoding = legacy.Count == 0 ? LegacyEncoding.None : legacy.MaxBy(kv => kv.Value).Key;
        var page = SinglePage.Build(blocks, encoding);
        var properties = document.PackageProperties;
        var title = ExtractionInput.Clean(properties.Title) ?? blocks.FirstOrDefault(b => b.Kind == TextBlockKind.Heading)?.Text;
        return new ExtractedDocument
        {
            Title = title,
            Author = ExtractionInput.Clean(properties.Creator),
            Date = properties.Created is { } created ? DateOnly.FromDateTime(created) : null,
            Language = ExtractionInput.Clean(properties.Language),
            Pages = [page],
        };
    }

    private static void AddElement(OpenXmlElement element, Dictionary<string, StyleInfo> styles, List<TextBlock> blocks, Dictionary<LegacyEncoding, int> legacy)
    {
        switch (element)
        {
            case Paragraph paragraph:
                AddParagraph(paragraph, styles, blocks, legacy);
                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                {
                    var cells = row.Elements<TableCell>()
                        .Select(cell => string.Join(" ", cell.Elements<Paragraph>().Select(p => ParagraphText(p, styles, legacy)).Where(t => t.Length > 0)))
                        .Where(t => t.Length > 0)
                        .ToList();
                    if (cells.Count > 0)
                    {
                        blocks.Add(new TextBlock(string.Join(CellSeparator, cells), TextBlockKind.TableRow));
                    }
                }

                break;
            case SdtBlock sdt when sdt.SdtContentBlock is not null:
                foreach (var child in sdt.SdtContentBlock.ChildElements)
                {
                    AddElement(child, styles, blocks, legacy);
                }

                break;
            default:
                break;
        }
    }

    private static void AddParagraph(Paragraph paragraph, Dictionary<string, StyleInfo> styles, List<TextBlock> blocks, Dictionary<LegacyEncoding, int> legacy)
    {
        var text = ParagraphText(paragraph, styles, legacy);
        if (text.Length == 0)
        {
            return;
        }

        var properties = paragraph.ParagraphProperties;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        var style = styleId is not null && styles.TryGetValue(styleId, out var found) ? found : null;
        var outline = properties?.OutlineLevel?.Val?.Value ?? style?.OutlineLevel;
        var level = style?.HeadingLevel ?? (outline is { } o && o < 9 ? o + 1 : 0);
        if (level > 0)
        {
            blocks.Add(new TextBlock(text, TextBlockKind.Heading, level));
            return;
        }

        var isList = properties?.NumberingProperties is not null || style?.IsList == true;
        blocks.Add(new TextBlock(text, isList ? TextBlockKind.ListItem : TextBlockKind.Paragraph));
    }

    private static string ParagraphText(Paragraph paragraph, Dictionary<string, StyleInfo> styles, Dictionary<LegacyEncoding, int> legacy)
    {
        var paragraphStyle = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        var paragraphFont = paragraphStyle is not null && styles.TryGetValue(paragraphStyle, out var s) ? s.Font : null;
        var builder = new StringBuilder();
        foreach (var run in paragraph.Descendants<Run>())
        {
            var runText = new StringBuilder();
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case RunText t:
                        runText.Append(t.Text);
                        break;
                    case TabChar or Break or CarriageReturn:
                        runText.Append(' ');
                        break;
                    case NoBreakHyphen:
                        runText.Append('-');
                        break;
                    default:
                        break;
                }
            }

            var fonts = run.RunProperties?.RunFonts;
            var font = fonts?.Ascii?.Value ?? fonts?.HighAnsi?.Value ?? paragraphFont;
            var encoding = LegacyFontClassifier.Classify(font);
            var value = runText.ToString();
            if (encoding != LegacyEncoding.None && value.Length > 0)
            {
                var converted = LegacyText.ToUnicode(value, encoding, LegacyFontClassifier.IsCapitalsFont(font));
                if (!string.Equals(converted, value, StringComparison.Ordinal))
                {
                    legacy[encoding] = legacy.GetValueOrDefault(encoding) + 1;
                }

                value = converted;
            }

            builder.Append(value);
        }

        return VietnameseText.ToNfc(string.Join(' ', builder.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }

    private static Dictionary<string, StyleInfo> StyleMap(MainDocumentPart main)
    {
        var map = new Dictionary<string, StyleInfo>(StringComparer.OrdinalIgnoreCase);
        var styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>().ToList() ?? [];
        var byId = styles.Where(st => st.StyleId?.Value is not null).ToDictionary(st => st.StyleId!.Value!, StringComparer.OrdinalIgnoreCase);
        foreach (var style in styles)
        {
            var id = style.StyleId?.Value;
            if (id is null)
            {
                continue;
            }

            // Follow basedOn for the outline level and font a style inherits.
            int? outline = null;
            string? font = null;
            var name = style.StyleName?.Val?.Value ?? id;
            for (var current = style; current is not null && (outline is null || font is null);)
            {
                outline ??= current.StyleParagraphProperties?.OutlineLevel?.Val?.Value;
                font ??= current.StyleRunProperties?.RunFonts?.Ascii?.Value;
                var basedOn = current.BasedOn?.Val?.Value;
                current = basedOn is not null && byId.TryGetValue(basedOn, out var parent) && parent != current ? parent : null;
            }

            map[id] = new StyleInfo(HeadingLevel(name, outline), outline, font, name.Contains("List", StringComparison.OrdinalIgnoreCase));
        }

        return map;
    }

    private static int? HeadingLevel(string name, int? outline)
    {
        if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var lower = name.ToLowerInvariant();
        if (lower.StartsWith("heading", StringComparison.Ordinal)
            && int.TryParse(lower.AsSpan(7).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 9)
        {
            return level;
        }

        return outline is { } o && o < 9 ? o + 1 : null;
    }

    private static bool IsCompoundFile(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        return stream.Read(head) == 8 && head.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });
    }

    private sealed record StyleInfo(int? HeadingLevel, int? OutlineLevel, string? Font, bool IsList);
}
