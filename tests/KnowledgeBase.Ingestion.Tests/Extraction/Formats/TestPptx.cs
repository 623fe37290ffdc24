using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using Drawing = DocumentFormat.OpenXml.Drawing;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>Writes a small .pptx with OpenXml: each slide a title, text boxes at given places, and notes.</summary>
internal sealed class TestPptx
{
    private readonly List<(string? Title, List<(long X, long Y, string[] Lines)> Boxes, string? Notes)> _slides = [];

    public string? CoreTitle { get; init; }

    public TestPptx Slide(string? title, string? notes = null, params (long X, long Y, string[] Lines)[] boxes)
    {
        _slides.Add((title, [.. boxes], notes));
        return this;
    }

    public void Write(string path)
    {
        using var document = PresentationDocument.Create(path, PresentationDocumentType.Presentation);
        var presentation = document.AddPresentationPart();
        var ids = new SlideIdList();
        uint id = 256;
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

            part.Slide = new Slide(new CommonSlideData(tree));
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
