using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>One ranked passage. <see cref="FragmentHtml"/> is HTML-safe: text escaped, matches in &lt;mark&gt;.</summary>
public sealed record SearchHit
{
    public required string PassageId { get; init; }

    public required string DocumentId { get; init; }

    public required string Title { get; init; }

    public required DocumentKind Kind { get; init; }

    public required int PageNumber { get; init; }

    public required int Ordinal { get; init; }

    public required string Text { get; init; }

    public required string FragmentHtml { get; init; }

    public required float Score { get; init; }

    public DateOnly? Date { get; init; }

    public string? Section { get; init; }

    public string? Source { get; init; }
}
