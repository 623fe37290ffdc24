namespace KnowledgeBase.Core.Extraction;

/// <summary>
/// Everything an extractor found in one file. Serializable to JSON (it crosses the process boundary when
/// extraction runs isolated, and is what <c>kb extract --format json</c> prints).
/// </summary>
public sealed record ExtractedDocument
{
    public string? Title { get; init; }

    public string? Author { get; init; }

    public DateOnly? Date { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? Language { get; init; }

    public IReadOnlyList<ExtractedPage> Pages { get; init; } = [];

    /// <summary>Human-readable warnings (e.g. "no single article found on this page").</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
