using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using Diagrams = DocumentFormat.OpenXml.Drawing.Diagrams;
using Drawing = DocumentFormat.OpenXml.Drawing;

namespace KnowledgeBase.Ingestion.Extraction.Slides;

/// <summary>
/// A PowerPoint (.pptx) file through DocumentFormat.OpenXml: one page per slide, in the presentation's order.
/// On a slide the title comes first, then the other shapes top to bottom, left to right (by their offsets; a
/// placeholder without one takes its layout's or master's place); a group (nested to any depth) is read as a
/// unit at its place, its shapes ordered the same way inside it; each text paragraph is a block (bulleted ones
/// are list items), a table gives one row block per row, a SmartArt diagram the text of its points, and the
/// speaker notes follow the slide's text. Slide numbers and dates are left out, a footer kept once. Of alternate
/// content the first choice is read. Title: the core properties' title, else the first slide's title.
/// Stateless and thread-safe.
/// </summary>
public sealed class PowerPointExtractor : IDocumentExtractor
{
    private const string CellSeparator = " | ";
    private const int MaxGroupDepth = 32;

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
        var footers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slideId in slideIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (slideId.RelationshipId?.Value is not { } relationship || presentation.GetPartById(relationship) is not SlidePart slide)
            {
                continue;
            }

            var blocks = SlideBlocks(slide, footers);
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

    private static List<TextBlock> SlideBlocks(SlidePart slide, HashSet<string> footers)
    {
        var blocks = new List<TextBlock>();
        if (slide.Slide?.CommonSlideData?.ShapeTree is { } tree)
        {
            AddContainer(tree, slide, blocks, footers, depth: 0);
        }

        var notes = slide.NotesSlidePart?.NotesSlide?.CommonSlideData?.ShapeTree;
        if (notes is not null)
        {
            foreach (var shape in Items(notes).SelectMany(e => e is GroupShape g ? g.Descendants<Shape>() : (IEnumerable<OpenXmlElement>)[e]).OfType<Shape>().Where(s => PlaceholderType(s) == PlaceholderValues.Body))
            {
                AddParagraphs(shape.TextBody, blocks, asHeading: false);
            }
        }

        return blocks;
    }

    /// <summary>
    /// The shapes of a slide's tree or of a group, title first (on the slide itself), then top to bottom, left to
    /// right; a group is read as a unit at its place, its own shapes ordered the same way in its coordinates.
    /// </summary>
    private static void AddContainer(OpenXmlElement container, SlidePart slide, List<TextBlock> blocks, HashSet<string> footers, int depth)
    {
        var items = Items(container).Select((element, index) => (Element: element, Index: index, Offset: Offset(element, slide))).ToList();
        foreach (var (element, _, _) in items
            .OrderBy(i => depth == 0 && IsTitle(i.Element) ? 0 : 1)
            .ThenBy(i => i.Offset?.Y ?? 0)
            .ThenBy(i => i.Offset?.X ?? 0)
            .ThenBy(i => i.Index))
        {
            switch (element)
            {
                case Shape shape when PlaceholderType(shape) is { } type && (type == PlaceholderValues.SlideNumber || type == PlaceholderValues.DateAndTime):
                    break; // the same on every slide, no content
                case Shape shape when PlaceholderType(shape) == PlaceholderValues.Footer:
                    // A footer repeats on every slide: kept once, where it first appears.
                    var footer = ExtractionInput.Collapse(string.Join(' ', shape.Descendants<Drawing.Paragraph>().Select(ParagraphText)));
                    if (footers.Add(footer))
                    {
                        AddParagraphs(shape.TextBody, blocks, asHeading: false);
                    }

                    break;
                case Shape shape:
                    AddParagraphs(shape.TextBody, blocks, IsTitle(shape));
                    break;
                case GraphicFrame frame:
                    AddFrame(frame, slide, blocks);
                    break;
                case GroupShape group when depth < MaxGroupDepth:
                    AddContainer(group, slide, blocks, footers, depth + 1);
                    break;
            }
        }
    }

    /// <summary>The shapes, tables and groups directly in <paramref name="container"/>; of alternate content, the first choice only (the fallback is the same content again).</summary>
    private static IEnumerable<OpenXmlElement> Items(OpenXmlElement container)
    {
        foreach (var child in container.ChildElements)
        {
            if (child is AlternateContent alternate)
            {
                OpenXmlElement? chosen = alternate.GetFirstChild<AlternateContentChoice>();
                chosen ??= alternate.GetFirstChild<AlternateContentFallback>();
                if (chosen is not null)
                {
                    foreach (var inner in Items(chosen))
                    {
                        yield return inner;
                    }
                }
            }
            else if (child is Shape or GraphicFrame or GroupShape)
            {
                yield return child;
            }
        }
    }

    /// <summary>A table's rows, or the text of a SmartArt diagram (its data part's points, in order).</summary>
    private static void AddFrame(GraphicFrame frame, SlidePart slide, List<TextBlock> blocks)
    {
        foreach (var row in frame.Descendants<Drawing.TableRow>())
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

        if (frame.Descendants<Diagrams.RelationshipIds>().FirstOrDefault()?.DataPart?.Value is { } data
            && slide.TryGetPartById(data, out var part) && part is DiagramDataPart diagram)
        {
            foreach (var point in diagram.DataModelRoot?.PointList?.Elements<Diagrams.Point>() ?? [])
            {
                if (point.TextBody is { } body)
                {
                    AddParagraphs(body, blocks, asHeading: false);
                }
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

    /// <summary>
    /// Where <paramref name="element"/> lies in its container's coordinates; a placeholder without a place of its
    /// own takes the one of its layout's (then master's) placeholder of the same index or type.
    /// </summary>
    private static (long X, long Y)? Offset(OpenXmlElement element, SlidePart slide)
    {
        var own = OwnOffset(element);
        if (own is not null || element is not Shape shape || shape.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape is not { } placeholder)
        {
            return own;
        }

        var layout = slide.SlideLayoutPart;
        OpenXmlElement?[] trees = [layout?.SlideLayout?.CommonSlideData?.ShapeTree, layout?.SlideMasterPart?.SlideMaster?.CommonSlideData?.ShapeTree];
        foreach (var tree in trees)
        {
            var match = tree?.Descendants<Shape>().FirstOrDefault(s => SamePlaceholder(placeholder, s.NonVisualShapeProperties?.ApplicationNonVisualDrawingProperties?.PlaceholderShape));
            if (match is not null && OwnOffset(match) is { } inherited)
            {
                return inherited;
            }
        }

        return null;
    }

    private static bool SamePlaceholder(PlaceholderShape wanted, PlaceholderShape? candidate)
    {
        if (candidate is null)
        {
            return false;
        }

        if (wanted.Index?.Value is { } index && candidate.Index?.Value == index)
        {
            return true;
        }

        // A body placeholder with an index is that one only; titles and other kinds match by type.
        var type = Normal(wanted.Type?.Value);
        return (wanted.Index is null || type != PlaceholderValues.Body) && type == Normal(candidate.Type?.Value);
    }

    // Title and centred title share the master's title placeholder; no type is a body (content) placeholder.
    private static PlaceholderValues Normal(PlaceholderValues? type) =>
        type is null ? PlaceholderValues.Body : type == PlaceholderValues.CenteredTitle ? PlaceholderValues.Title : type.Value;

    private static (long X, long Y)? OwnOffset(OpenXmlElement element)
    {
        var (x, y) = element switch
        {
            Shape shape => (shape.ShapeProperties?.Transform2D?.Offset?.X, shape.ShapeProperties?.Transform2D?.Offset?.Y),
            GraphicFrame frame => (frame.Transform?.Offset?.X, frame.Transform?.Offset?.Y),
            GroupShape group => (group.GroupShapeProperties?.TransformGroup?.Offset?.X, group.GroupShapeProperties?.TransformGroup?.Offset?.Y),
            _ => (null, null),
        };
        return x is null && y is null ? null : (x?.Value ?? 0, y?.Value ?? 0);
    }
}
