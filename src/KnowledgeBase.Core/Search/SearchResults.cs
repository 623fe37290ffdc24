namespace KnowledgeBase.Core.Search;

/// <summary>One page of ranked passages, with the total number of matching passages.</summary>
public sealed record SearchResults
{
    public required string Query { get; init; }

    public required int TotalHits { get; init; }

    /// <summary>
    /// Whether <see cref="TotalHits"/> and <see cref="TotalDocuments"/> are estimates ("about"): a search ranked by score
    /// (plain, or grouped and faceted from its best passages) skips passages that cannot reach the page without counting
    /// them. Each shown group's <see cref="DocumentGroup.MatchingPassages"/> stays counted.
    /// </summary>
    public bool TotalHitsEstimated { get; init; }

    public required int Page { get; init; }

    public required int PageSize { get; init; }

    public required IReadOnlyList<SearchHit> Hits { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>How many distinct documents the matching passages belong to.</summary>
    public int TotalDocuments { get; init; }

    /// <summary>When grouping by document: one page of documents, each with its best passages.</summary>
    public IReadOnlyList<DocumentGroup> Groups { get; init; } = [];

    /// <summary>Facet counts over the whole result set (not just this page), when asked for.</summary>
    public IReadOnlyList<FacetResult> Facets { get; init; } = [];

    /// <summary>
    /// Whether <see cref="Facets"/> were counted over the best-ranked
    /// passages only, the match being larger ("about"); <see cref="TotalHits"/> and <see cref="TotalDocuments"/> are exact
    /// unless <see cref="TotalHitsEstimated"/>.
    /// </summary>
    public bool FacetsEstimated { get; init; }

    /// <summary>A better query the corpus supports (accents restored, a typo fixed), when there is one.</summary>
    public QueryCorrection? DidYouMean { get; init; }

    /// <summary>
    /// A short query typed with accents requires every word; true when no passage had them all and the results
    /// match any of its words instead (the UI says so).
    /// </summary>
    public bool AnyWordFallback { get; init; }

    /// <summary>Whether the page is of documents (<see cref="Groups"/>) rather than of passages.</summary>
    public bool Grouped { get; init; }

    /// <summary>
    /// A grouped search whose document total is an estimate (<see cref="TotalHitsEstimated"/>): the documents its best
    /// passages hold, which its pages run through (<see cref="SearchRequest.PagesWithinBestPassages"/>); null when the
    /// pages run through <see cref="TotalDocuments"/>.
    /// </summary>
    public int? RankedDocuments { get; init; }

    /// <summary>
    /// Pages of passages, or of documents when grouped (only as far as <see cref="RankedDocuments"/> when the document
    /// total is an estimate): the last page that holds results.
    /// </summary>
    public int TotalPages => PageSize <= 0 ? 0 : ((Grouped ? RankedDocuments ?? TotalDocuments : TotalHits) + PageSize - 1) / PageSize;

    /// <summary>A page past the last one (<see cref="TotalPages"/>) of a search that found something: nothing to show.</summary>
    public bool BeyondLastPage => TotalHits > 0 && Page > TotalPages && Hits.Count == 0;

    public static SearchResults Empty(string query, int page, int pageSize) =>
        new() { Query = query, TotalHits = 0, Page = page, PageSize = pageSize, Hits = [] };
}
