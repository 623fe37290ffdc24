using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>A document in grouped results: its best passages and how many more of its passages matched.</summary>
public sealed record DocumentGroup
{
    public required string DocumentId { get; init; }

    public required string Title { get; init; }

    public required DocumentKind Kind { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>The score of the best passage (groups are ranked by it unless sorted by date).</summary>
    public required float Score { get; init; }

    /// <summary>The best passages of the document, best first.</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>All matching passages of the document, including those shown.</summary>
    public required int MatchingPassages { get; init; }

    public int MorePassages => Math.Max(0, MatchingPassages - Hits.Count);
}
