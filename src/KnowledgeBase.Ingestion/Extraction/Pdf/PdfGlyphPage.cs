using System.Buffers;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.PdfFonts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Util;

namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// A glyph drawn on a PDF page (or a whole <c>/ActualText</c> span, which stands for the glyphs it covers), in
/// PDF user space: its text, the font it was drawn in (null for an ActualText span), its place on the baseline and
/// the character code the content stream drew it with (what a legacy font's bytes really are; -1 for a span).
/// </summary>
internal readonly record struct PdfGlyph(string Value, string? Font, double Left, double Right, double Baseline, double Size, bool IsActualText, int Code = -1);

/// <summary>
/// What extraction needs of one PDF page: its glyphs in content-stream order, and whether it draws images. The
/// glyphs live in a pooled array (a page of text is thousands of them, past the large-object threshold): dispose
/// the page when done with it.
/// </summary>
internal sealed class PdfGlyphPage : IDisposable
{
    private PdfGlyph[]? _buffer;
    private readonly int _count;

    public PdfGlyphPage(PdfGlyph[]? buffer, int count)
    {
        _buffer = buffer;
        _count = count;
    }

    public ReadOnlySpan<PdfGlyph> Glyphs => _buffer is null ? [] : _buffer.AsSpan(0, _count);

    /// <summary>How many <c>/ActualText</c> spans replaced the glyphs they cover.</summary>
    public required int ActualTextSpans { get; init; }

    /// <summary>
    /// Whether the page puts visible ink down other than text: an image (XObject or inline), or enough painted
    /// paths to be a drawing or outlined text rather than a rule or a frame. Without a text layer, such a page
    /// needs OCR.
    /// </summary>
    public required bool HasInk { get; init; }

    public required PdfRectangle MediaBox { get; init; }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<PdfGlyph>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}

/// <summary>
/// Reads a page straight into <see cref="PdfGlyph"/>s, registered on a document with
/// <c>AddPageFactory&lt;PdfGlyphPage, PdfGlyphPageFactory&gt;()</c>. PdfPig's own <see cref="Page"/> builds a
/// <see cref="Letter"/> object per glyph (colours, loose boxes, marked-content trees) and a path object per line
/// drawn; extraction uses none of that, and those objects were half of all it allocated.
/// </summary>
internal sealed class PdfGlyphPageFactory : BasePageFactory<PdfGlyphPage>
{
    public PdfGlyphPageFactory(IPdfTokenScanner pdfScanner, IResourceStore resourceStore, ILookupFilterProvider filterProvider, IPageContentParser pageContentParser, ParsingOptions parsingOptions)
        : base(pdfScanner, resourceStore, filterProvider, pageContentParser, parsingOptions)
    {
    }

    protected override PdfGlyphPage ProcessPage(int pageNumber, DictionaryToken dictionary, NamedDestinations namedDestinations, MediaBox mediaBox, CropBox cropBox,
        UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        if (operations is null || operations.Count == 0)
        {
            return new PdfGlyphPage(null, 0) { ActualTextSpans = 0, HasInk = false, MediaBox = mediaBox.Bounds };
        }

        var collector = new PdfGlyphCollector(pageNumber, ResourceStore, PdfScanner, PageContentParser, FilterProvider, cropBox, mediaBox, userSpaceUnit, rotation, initialMatrix, ParsingOptions);
        return collector.Process(pageNumber, operations);
    }
}

/// <summary>
/// Runs a page's content stream and keeps only the glyphs. Glyphs inside a marked-content sequence with
/// <c>/ActualText</c> give way to that text, once, placed where the span's glyphs are (the outermost span wins:
/// nested spans are covered by it). Paths, clipping and shading are ignored.
/// </summary>
internal sealed class PdfGlyphCollector : BaseStreamProcessor<PdfGlyphPage>
{
    // Painted paths that make a page "drawn" (outlined text, a vector scan) rather than ruled or framed.
    private const int InkPaths = 20;

    private PdfGlyph[] _glyphs = ArrayPool<PdfGlyph>.Shared.Rent(1024);
    private int _count;
    private readonly PdfRectangle _mediaBox;

    // One entry per open marked-content sequence: whether it opened the ActualText span.
    private readonly Stack<bool> _marked = new();
    private bool _hasImages;
    private int _paintedPaths;
    private int _spans;
    private int _lastSequence = -1;
    private IFont? _lastFont;
    private string? _lastFontName;

    // The open ActualText span, if any.
    private string? _actualText;
    private int _spanSlot = -1;
    private double _spanLeft;
    private double _spanRight;
    private double _spanBaseline;
    private double _spanSize;
    private double _spanWidest;

    public PdfGlyphCollector(int pageNumber, IResourceStore resourceStore, IPdfTokenScanner pdfScanner, IPageContentParser pageContentParser, ILookupFilterProvider filterProvider,
        CropBox cropBox, MediaBox mediaBox, UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix, ParsingOptions parsingOptions)
        : base(pageNumber, resourceStore, pdfScanner, pageContentParser, filterProvider, cropBox, userSpaceUnit, rotation, in initialMatrix, parsingOptions)
    {
        _mediaBox = mediaBox.Bounds;
    }

    public override PdfGlyphPage Process(int pageNumberCurrent, IReadOnlyList<IGraphicsStateOperation> operations)
    {
        PageNumber = pageNumberCurrent;
        CloneAllStates();
        ProcessOperations(operations);

        // A span left open by a missing EMC still covers its glyphs.
        EndSpan();
        return new PdfGlyphPage(_glyphs, _count) { ActualTextSpans = _spans, HasInk = _hasImages || _paintedPaths >= InkPaths, MediaBox = _mediaBox };
    }

    public override void RenderGlyph(IFont font, CurrentGraphicsState currentState, double fontSize, double pointSize, int code, string unicode, long currentOffset,
        in TransformationMatrix renderingMatrix, in TransformationMatrix textMatrix, in TransformationMatrix transformationMatrix, CharacterBoundingBox characterBoundingBox)
    {
        // The baseline from the glyph's origin to its advance, through text and graphics space onto the page.
        var start = ToPage(new PdfPoint(0, 0), renderingMatrix, textMatrix, transformationMatrix);
        var end = ToPage(new PdfPoint(characterBoundingBox.Width, 0), renderingMatrix, textMatrix, transformationMatrix);
        var left = Math.Min(start.X, end.X);
        var right = Math.Max(start.X, end.X);
        var size = pointSize > 0 ? pointSize : Math.Max(GlyphHeight(characterBoundingBox, renderingMatrix, textMatrix, transformationMatrix), 1);

        if (_actualText is not null)
        {
            AddToSpan(left, right, start.Y, size);
            return;
        }

        // A combining mark drawn as its own glyph joins the letter before it in the same text run.
        if (currentOffset > 0 && _count > 0 && _lastSequence == TextSequence && Diacritics.IsInCombiningDiacriticRange(unicode))
        {
            ref var previous = ref _glyphs[_count - 1];
            if (!previous.IsActualText && Diacritics.TryCombineDiacriticWithPreviousLetter(unicode, previous.Value, out var combined))
            {
                previous = previous with { Value = combined };
                return;
            }
        }

        if (!ReferenceEquals(font, _lastFont))
        {
            _lastFont = font;
            _lastFontName = font.Details?.Name;
        }

        _lastSequence = TextSequence;
        Add(new PdfGlyph(unicode ?? string.Empty, _lastFontName, left, right, start.Y, size, false, code));
    }

    public override void BeginMarkedContent(NameToken name, NameToken? propertyDictionaryName, DictionaryToken? properties)
    {
        if (propertyDictionaryName is not null)
        {
            properties = ResourceStore.GetMarkedContentPropertiesDictionary(propertyDictionaryName) ?? properties;
        }

        var opens = false;
        if (_actualText is null && properties is not null
            && properties.TryGet<IDataToken<string>>(NameToken.ActualText, PdfScanner, out var token) && token.Data is { } text)
        {
            _actualText = text;
            _spanSlot = -1;
            opens = true;
        }

        _marked.Push(opens);
    }

    public override void EndMarkedContent()
    {
        if (_marked.Count > 0 && _marked.Pop())
        {
            EndSpan();
        }
    }

    protected override void RenderXObjectImage(XObjectContentRecord xObjectContentRecord) => _hasImages = true;

    protected override void RenderInlineImage(InlineImage inlineImage) => _hasImages = true;

    // Paths, clipping and shading carry no text; painted paths are only counted, as ink.
    public override void BeginSubpath()
    {
    }

    public override PdfPoint? CloseSubpath() => null;

    public override void StrokePath(bool close) => _paintedPaths++;

    public override void FillPath(FillingRule fillingRule, bool close) => _paintedPaths++;

    public override void FillStrokePath(FillingRule fillingRule, bool close) => _paintedPaths++;

    public override void MoveTo(double x, double y)
    {
    }

    public override void BezierCurveTo(double x2, double y2, double x3, double y3)
    {
    }

    public override void BezierCurveTo(double x1, double y1, double x2, double y2, double x3, double y3)
    {
    }

    public override void LineTo(double x, double y)
    {
    }

    public override void Rectangle(double x, double y, double width, double height)
    {
    }

    public override void EndPath()
    {
    }

    public override void ClosePath()
    {
    }

    public override void ModifyClippingIntersect(FillingRule clippingRule)
    {
    }

    protected override void ClipToRectangle(PdfRectangle rectangle, FillingRule clippingRule)
    {
    }

    public override void PaintShading(NameToken shadingName)
    {
    }

    // The span's place is the whole span's, on the baseline of its widest glyph: LibreOffice draws a decomposed
    // "ả" as a base letter and a mark placed over it, and the mark's baseline is not the line's.
    private void AddToSpan(double left, double right, double baseline, double size)
    {
        if (_spanSlot < 0)
        {
            _spanSlot = _count;
            Add(default);
            (_spanLeft, _spanRight, _spanBaseline, _spanSize, _spanWidest) = (left, right, baseline, size, right - left);
            return;
        }

        _spanLeft = Math.Min(_spanLeft, left);
        _spanRight = Math.Max(_spanRight, right);
        _spanSize = Math.Max(_spanSize, size);
        if (right - left > _spanWidest)
        {
            _spanWidest = right - left;
            _spanBaseline = baseline;
        }
    }

    private void Add(in PdfGlyph glyph)
    {
        if (_count == _glyphs.Length)
        {
            var larger = ArrayPool<PdfGlyph>.Shared.Rent(_glyphs.Length * 2);
            _glyphs.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<PdfGlyph>.Shared.Return(_glyphs);
            _glyphs = larger;
        }

        _glyphs[_count++] = glyph;
    }

    private void EndSpan()
    {
        if (_actualText is not null && _spanSlot >= 0)
        {
            _glyphs[_spanSlot] = new PdfGlyph(_actualText, null, _spanLeft, _spanRight, _spanBaseline, _spanSize, true);
            _spans++;
        }

        _actualText = null;
        _spanSlot = -1;
    }

    private static PdfPoint ToPage(PdfPoint point, in TransformationMatrix renderingMatrix, in TransformationMatrix textMatrix, in TransformationMatrix transformationMatrix) =>
        transformationMatrix.Transform(textMatrix.Transform(renderingMatrix.Transform(point)));

    // Only for glyphs without a point size: the height of the drawn glyph's box, or of its advance box.
    private double GlyphHeight(CharacterBoundingBox box, in TransformationMatrix renderingMatrix, in TransformationMatrix textMatrix, in TransformationMatrix transformationMatrix)
    {
        var bounds = PerformantRectangleTransformer.Transform(renderingMatrix, textMatrix, transformationMatrix, box.GlyphBounds);
        if (bounds.Width > double.Epsilon || bounds.Height > double.Epsilon)
        {
            return bounds.Height;
        }

        return PerformantRectangleTransformer.Transform(renderingMatrix, textMatrix, transformationMatrix, new PdfRectangle(0, 0, box.Width, UserSpaceUnit.PointMultiples)).Height;
    }
}
