namespace KnowledgeBase.Core.Extraction;

/// <summary>
/// The clean text of one page (PDF) or of the whole body (other formats, page 1), NFC, in reading order.
/// </summary>
public sealed record ExtractedPage
{
    /// <summary>1-based page number.</summary>
    public required int Number { get; init; }

    /// <summary>The blocks of the page in reading order. Never null; empty for an empty page.</summary>
    public IReadOnlyList<TextBlock> Blocks { get; init; } = [];

    public ExtractionMethod Method { get; init; } = ExtractionMethod.TextLayer;

    /// <summary>Share (0..1) of letter tokens that are valid Vietnamese syllables; null when not measured.</summary>
    public double? Quality { get; init; }

    public PageVerdict Verdict { get; init; } = PageVerdict.Ok;

    /// <summary>The page text: blocks joined by a blank line. Offsets of passages refer to this string.</summary>
    public string Text => string.Join(PageText.BlockSeparator, Blocks.Select(b => b.Text));
}
