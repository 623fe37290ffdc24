using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// The JSON of <c>/api/search</c>: the ranked passages (<see cref="Hits"/>), and when asked for the documents
/// with their best passages (<see cref="Groups"/>, <c>grouped=true</c>) and facet counts (<c>facets=true</c>).
/// <see cref="AnyWordFallback"/>: a short accented query whose words no passage holds all together, answered
/// with passages holding some of them.
/// <see cref="TotalIsEstimate"/>: <see cref="Total"/> and <see cref="TotalDocuments"/> are "about" that many (a search
/// ranked by score — plain, grouped or with facets — skips passages that cannot reach the page without counting them:
/// <c>Search:Pruning</c>); each group's <c>matchingPassages</c> stays counted.
/// <see cref="FacetsAreEstimates"/>: the facet counts were counted over the
/// best-ranked passages of a larger match ("about").
/// <see cref="LastPage"/> (grouped): the last page holding documents. With <see cref="TotalIsEstimate"/> the pages end with
/// the documents of the best passages the search ranked, as on the search page; a page beyond the last is empty.
/// </summary>
public sealed record SearchResponse(
    string Query,
    int Total,
    int TotalDocuments,
    int Page,
    int Size,
    double ElapsedMs,
    IReadOnlyList<SearchHitResponse> Hits,
    IReadOnlyList<GroupResponse>? Groups,
    IReadOnlyList<FacetResponse>? Facets,
    CorrectionResponse? DidYouMean,
    bool AnyWordFallback,
    bool TotalIsEstimate,
    bool FacetsAreEstimates = false,
    int? LastPage = null)
{
    public static SearchResponse From(SearchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new SearchResponse(
            results.Query,
            results.TotalHits,
            results.TotalDocuments,
            results.Page,
            results.PageSize,
            Math.Round(results.Elapsed.TotalMilliseconds, 2),
            [.. results.Hits.Select(SearchHitResponse.From)],
            results.Grouped ? [.. results.Groups.Select(GroupResponse.From)] : null,
            results.Facets.Count > 0 ? [.. results.Facets.Select(FacetResponse.From)] : null,
            CorrectionResponse.From(results.DidYouMean),
            results.AnyWordFallback,
            results.TotalHitsEstimated,
            results.FacetsEstimated,
            results.Grouped ? results.TotalPages : null);
    }
}
