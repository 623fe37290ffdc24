using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using Dgm = DocumentFormat.OpenXml.Drawing.Diagrams;
using Drawing = DocumentFormat.OpenXml.Drawing;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>Writes a small .pptx with OpenXml: each slide a title, text boxes at given places, and notes.</summary>
internal sealed class TestPptx
{
    private readonly List<(string? Title, List<(long X, long Y, string[] Lines)> Boxes, string? Notes)> _slides = [];
    private readonly Dictionary<int, List<OpenXmlElement>> _extra = [];
    private readonly Dictionary<int, (long Y, string[] Texts)> _smartArt = [];

    public string? CoreTitle { get; init; }

    /// <summary>Where the layout puts its body placeholder (index 1); null: no layout part.</summary>
    public (long X, long Y)? LayoutBodyAt { get; init; }

    public TestPptx Slide(string? title, string? notes = null, params (long X, long Y, string[] Lines)[] boxes)
    {
        _slides.Add((title, [.. boxes], notes));
        return this;
    }

    /// <summary>More shapes (<see cref="Group"/>, <see cref="Table"/>, <see cref="Box(long, long, string[])"/>) on the last slide, after its boxes in the tree.</summary>
    public TestPptx With(params OpenXmlElement[] shapes)
    {
        (_extra.TryGetValue(_slides.Count - 1, out var list) ? list : _extra[_slides.Count - 1] = []).AddRange(shapes);
        return this;
    }

    /// <summary>A SmartArt diagram on the last slide at height <paramref name="y"/>: its texts in a diagram data part, as PowerPoint stores them.</summary>
    public TestPptx WithSmartArt(long y, params string[] texts)
    {
        _smartArt[_slides.Count - 1] = (y, texts);
        return this;
    }

    public static Shape Box(long x, long y, params string[] lines) => Box(100, null, (x, y), lines);

    /// <summary>A body placeholder (index 1) without a place of its own: it takes the layout's.</summary>
    public static Shape BodyPlaceholder(params string[] lines)
    {
        var shape = Box(101, PlaceholderValues.Body, null, lines);
        shape.NonVisualShapeProperties!.ApplicationNonVisualDrawingProperties!.PlaceholderShape!.Index = 1;
        return shape;
    }

    /// <summary>A placeholder of <paramref name="type"/> (slide number, date, footer) at the bottom of the slide.</summary>
    public static Shape Placeholder(PlaceholderValues type, string text) => Box(102, type, (500_000, 6_500_000), [text]);

    /// <summary>A group at (<paramref name="x"/>, <paramref name="y"/>) whose children are placed in its own coordinates (offset by a million EMU, scaled by 2).</summary>
    public static GroupShape Group(long x, long y, params OpenXmlElement[] children)
    {
        var group = new GroupShape(
            new NonVisualGroupShapeProperties(new NonVisualDrawingProperties { Id = 200, Name = "Group" }, new NonVisualGroupShapeDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
            new GroupShapeProperties(new Drawing.TransformGroup(
                new Drawing.Offset { X = x, Y = y }, new Drawing.Extents { Cx = 4_000_000, Cy = 2_000_000 },
                new Drawing.ChildOffset { X = 1_000_000, Y = 1_000_000 }, new Drawing.ChildExtents { Cx = 8_000_000, Cy = 4_000_000 })));
        group.Append(children);
        return group;
    }

    /// <summary>A table (a graphic frame) at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static GraphicFrame Table(long x, long y, params string[][] rows)
    {
        var table = new Drawing.Table(new Drawing.TableProperties(), new Drawing.TableGrid(rows[0].Select(_ => new Drawing.GridColumn { Width = 1_500_000 })));
        foreach (var row in rows)
        {
            table.Append(new Drawing.TableRow(row.Select(cell => new Drawing.TableCell(
                new Drawing.TextBody(new Drawing.BodyProperties(), new Drawing.ListStyle(), new Drawing.Paragraph(new Drawing.Run(new Drawing.Text(cell)))),
                new Drawing.TableCellProperties()))) { Height = 370_000 });
        }

        return new GraphicFrame(
            new NonVisualGraphicFrameProperties(new NonVisualDrawingProperties { Id = 300, Name = "Table" }, new NonVisualGraphicFrameDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
            new Transform(new Drawing.Offset { X = x, Y = y }, new Drawing.Extents { Cx = 3_000_000, Cy = 740_000 }),
            new Drawing.Graphic(new Drawing.GraphicData(table) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/table" }));
    }

    /// <summary>The same box twice, as a choice (for newer readers) and a fallback, as PowerPoint writes equations and new effects.</summary>
    public static AlternateContent Alternate(long x, long y, string text) =>
        new(new AlternateContentChoice(Box(x, y, text)) { Requires = "p14" }, new AlternateContentFallback(Box(x, y, text)));

    public void Write(string path)
    {
        using var document = PresentationDocument.Create(path, PresentationDocumentType.Presentation);
        var presentation = document.AddPresentationPart();
        var ids = new SlideIdList();
        uint id = 256;
        var slideIndex = 0;
        foreach (var (title, boxes, notes) in _slides)
        {
            var part = presentation.AddNewPart<SlidePart>();
            var tree = new ShapeTree(new NonVisualGroupShapeProperties(
                new NonVisualDrawingProperties { Id = 1, Name = "" }, new NonVisualGroupShapeDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
                new GroupShapeProperties());
            uint shapeId = 2;

            // Boxes first in the tree, so the reading order has to come from the offsets and the title's role.
            foreach (var (x, y, lines) in boxes)
            {
                tree.Append(Box(shapeId++, null, (x, y), lines));
            }

            if (title is not null)
            {
                tree.Append(Box(shapeId++, PlaceholderValues.Title, null, [title]));
            }

            if (_extra.TryGetValue(slideIndex++, out var extra))
            {
                tree.Append(extra.Select(e => e.CloneNode(true)));
            }

            if (_smartArt.TryGetValue(slideIndex - 1, out var smartArt))
            {
                var data = part.AddNewPart<DiagramDataPart>();
                data.DataModelRoot = new Dgm.DataModelRoot(
                    new Dgm.PointList(smartArt.Texts.Select((text, i) => new Dgm.Point(
                        new Dgm.TextBody(new Drawing.BodyProperties(), new Drawing.ListStyle(), new Drawing.Paragraph(new Drawing.Run(new Drawing.Text(text)))))
                    { ModelId = $"{{00000000-0000-0000-0000-00000000000{i}}}" })),
                    new Dgm.ConnectionList());
                tree.Append(new GraphicFrame(
                    new NonVisualGraphicFrameProperties(new NonVisualDrawingProperties { Id = 400, Name = "Diagram" }, new NonVisualGraphicFrameDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
                    new Transform(new Drawing.Offset { X = 500_000, Y = smartArt.Y }, new Drawing.Extents { Cx = 3_000_000, Cy = 1_000_000 }),
                    new Drawing.Graphic(new Drawing.GraphicData(new Dgm.RelationshipIds { DataPart = part.GetIdOfPart(data), LayoutPart = "", StylePart = "", ColorPart = "" })
                    {
                        Uri = "http://schemas.openxmlformats.org/drawingml/2006/diagram",
                    })));
            }

            part.Slide = new Slide(new CommonSlideData(tree));
            if (LayoutBodyAt is { } bodyAt)
            {
                var layoutTree = new ShapeTree(new NonVisualGroupShapeProperties(
                    new NonVisualDrawingProperties { Id = 1, Name = "" }, new NonVisualGroupShapeDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
                    new GroupShapeProperties(), Box(2, PlaceholderValues.Title, (500_000, 300_000), ["Tiêu đề"]), Box(3, PlaceholderValues.Body, bodyAt, ["Nội dung"]));
                ((Shape)layoutTree.LastChild!).NonVisualShapeProperties!.ApplicationNonVisualDrawingProperties!.PlaceholderShape!.Index = 1;
                part.AddNewPart<SlideLayoutPart>().SlideLayout = new SlideLayout(new CommonSlideData(layoutTree));
            }

            if (notes is not null)
            {
                var notesPart = part.AddNewPart<NotesSlidePart>();
                var notesTree = new ShapeTree(new NonVisualGroupShapeProperties(
                    new NonVisualDrawingProperties { Id = 1, Name = "" }, new NonVisualGroupShapeDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
                    new GroupShapeProperties(), Box(2, PlaceholderValues.Body, null, [notes]));
                notesPart.NotesSlide = new NotesSlide(new CommonSlideData(notesTree));
            }

            ids.Append(new SlideId { Id = id++, RelationshipId = presentation.GetIdOfPart(part) });
        }

        presentation.Presentation = new Presentation(ids);
        if (CoreTitle is not null)
        {
            document.PackageProperties.Title = CoreTitle;
        }
    }

    private static Shape Box(uint id, PlaceholderValues? placeholder, (long X, long Y)? at, string[] lines)
    {
        var application = new ApplicationNonVisualDrawingProperties();
        if (placeholder is { } type)
        {
            application.Append(new PlaceholderShape { Type = type });
        }

        var properties = new ShapeProperties();
        if (at is { } offset)
        {
            properties.Append(new Drawing.Transform2D(new Drawing.Offset { X = offset.X, Y = offset.Y }, new Drawing.Extents { Cx = 3_000_000, Cy = 500_000 }));
        }

        var body = new TextBody(new Drawing.BodyProperties(), new Drawing.ListStyle());
        foreach (var line in lines)
        {
            body.Append(new Drawing.Paragraph(new Drawing.Run(new Drawing.RunProperties { Language = "vi-VN" }, new Drawing.Text(line))));
        }

        return new Shape(
            new NonVisualShapeProperties(new NonVisualDrawingProperties { Id = id, Name = $"Shape {id}" }, new NonVisualShapeDrawingProperties(), application),
            properties,
            body);
    }
}
