using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using Drawing = DocumentFormat.OpenXml.Drawing;

namespace KnowledgeBase.Ingestion.Extraction.Slides;

/// <summary>
/// A PowerPoint (.pptx) file through DocumentFormat.OpenXml: one page per slide, in the presentation's order.
/// On a slide the title comes first, then the other shapes top to bottom, left to right (by their offsets; a
/// shape that inherits its place from the layout keeps the order of the slide's tree); each text paragraph is
/// a block (bulleted ones are list items), a table gives one row block per row, and the speaker notes follow
/// the slide's text. Title: the core properties' title, else the first slide's title. Stateless and thread-safe.
/// </summary>
public sealed class PowerPointExtractor : IDocumentExtractor
{
    private const string CellSeparator = " | ";

    public bool CanExtract(DocumentKind kind) => kind == DocumentKind.PowerPoint;

    public Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        ExtractionInput.RequireNonEmptyFile(path);
        try
        {
            using var document = PresentationDocument.Open(path, false);
            return Task.FromResult(Extract(document, cancellationToken));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or IOException)
        {
            throw new ExtractionException(
                ContainerSniffer.IsEncryptedPackage(path) ? ContainerSniffer.EncryptedMessage(DocumentKind.PowerPoint)
                : "The file is not a readable PowerPoint presentation (damaged or not a .pptx): " + ex.Message,
                ex);
        }
    }

    private static ExtractedDocument Extract(PresentationDocument document, CancellationToken cancellationToken)
    {
        var presentation = document.PresentationPart ?? throw new ExtractionException("The PowerPoint file has no presentation part.");
        var slideIds = presentation.Presentation?.SlideIdList?.Elements<SlideId>().ToList() ?? [];
        var pages = new List<ExtractedPage>();
        string? firstTitle = null;
        foreach (var slideId in slideIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (slideId.RelationshipId?.Value is not { } relationship || presentation.GetPartById(relationship) is not SlidePart slide)
            {
                continue;
            }

            var blocks = SlideBlocks(slide);
            firstTitle ??= blocks.FirstOrDefault(b => b.Kind == TextBlockKind.Heading)?.Text;
            pages.Add(SinglePage.Repaired(blocks, pages.Count + 1));
        }

        if (pages.Count == 0)
        {
            throw new ExtractionException("The presentation has no slides.");
        }

        var properties = document.PackageProperties;
        return new ExtractedDocument
        {
            Title = ExtractionInput.Clean(properties.Title) ?? firstTitle,
            Author = ExtractionInput.Clean(properties.Creator),
            Date = properties.Created is { } created ? DateOnly.FromDateTime(created) : null,
            Language = ExtractionInput.Clean(properties.Language),
            Pages = pages,
        };
    }

    private static List<TextBlock> SlideBlocks(SlidePart slide)
    {
        var blocks = new List<TextBlock>();
        var tree = slide.Slide?.CommonSlideData?.ShapeTree;
        if (tree is not null)
        {
            var shapes = tree.Descendants().Where(e => e is Shape or GraphicFrame).Select((e, index) => (Element: e, Index: index));
            foreach (var (element, _) in shapes.OrderBy(s => IsTitle(s.Element) ? 0 : 1).ThenBy(s => Offset(s.Element)?.Y ?? 0).ThenBy(s => Offset(s.Element)?.X ?? 0).ThenBy(s => s.Index))
            {
                AddShape(element, blocks);
            }
        }

        var notes = slide.NotesSlidePart?.NotesSlide?.CommonSlideData?.ShapeTree;
        if (notes is not null)
        {
            foreach (var shape in notes.Elements<Shape>().Where(s => PlaceholderType(s) == PlaceholderValues.Body))
            {
                AddParagraphs(shape.TextBody, blocks, asHeading: false);
            }
        }

        return blocks;
    }

    private static void AddShape(OpenXmlElement element, List<TextBlock> blocks)
    {
        if (element is Shape shape)
        {
            AddParagraphs(shape.TextBody, blocks, IsTitle(shape));
            return;
        }

        foreach (var row in element.Descendants<Drawing.TableRow>())
        {
            var cells = row.Elements<Drawing.TableCell>()
                .Select(c => ExtractionInput.Collapse(string.Join(' ', c.Descendants<Drawing.Paragraph>().Select(ParagraphText))))
                .Where(t => t.Length > 0)
                .ToList();
            if (cells.Count > 0)
            {
                blocks.Add(new TextBlock(string.Join(CellSeparator, cells), TextBlockKind.TableRow));
            }
        }
    }

    private static void AddParagraphs(OpenXmlElement? body, List<TextBlock> blocks, bool asHeading)
    {
        if (body is null)
        {
            return;
        }

        foreach (var paragraph in body.Elements<Drawing.Paragraph>())
        {
            var text = ExtractionInput.Collapse(ParagraphText(paragraph));
            if (text.Length == 0)
            {
                continue;
            }

            var properties = paragraph.ParagraphProperties;
            var bulleted = properties?.GetFirstChild<Drawing.CharacterBullet>() is not null
                || properties?.GetFirstChild<Drawing.AutoNumberedBullet>() is not null
                || (properties?.Level?.Value ?? 0) > 0;
            blocks.Add(asHeading ? new TextBlock(text, TextBlockKind.Heading, 1)
                : new TextBlock(text, bulleted ? TextBlockKind.ListItem : TextBlockKind.Paragraph));
        }
    }

    private static string ParagraphText(Drawing.Paragraph paragraph) =>
        string.Concat(paragraph.ChildElements.Select(child => child switch
        {
            Drawing.Run run => run.Text?.Text ?? string.Empty,
            Drawing.Field field => field.Text?.Text ?? string.Empty,
            Drawing.Break => " ",
            _ => string.Empty,
        }));

    private static bool IsTitle(OpenXmlElement element) =>
        element is Shape shape && PlaceholderType(shape) is { } type && (type == PlaceholderValues.Title || type == PlaceholderValues.CenteredTitle);

    private static PlaceholderValues? PlaceholderType(Shape shape)
    {
        var placeholder = shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape;
        return placeholder is null ? null : placeholder.Type?.Value ?? PlaceholderValues.Body;
    }

    private static (long X, long Y)? Offset(OpenXmlElement element)
    {
        var offset = element switch
        {
            Shape shape => shape.ShapeProperties?.Transform2D?.Offset,
            GraphicFrame frame => frame.Transform?.Offset is { } o ? new Drawing.Offset { X = o.X, Y = o.Y } : null,
            _ => null,
        };
        return offset is null ? null : (offset.X?.Value ?? 0, offset.Y?.Value ?? 0);
    }
}
