using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Api;

public sealed record SearchResponse(string Query, int Total, int Page, int Size, double ElapsedMs, IReadOnlyList<SearchHitResponse> Hits)
{
    public static SearchResponse From(SearchResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new SearchResponse(
            results.Query,
            results.TotalHits,
            results.Page,
            results.PageSize,
            Math.Round(results.Elapsed.TotalMilliseconds, 2),
            [.. results.Hits.Select(SearchHitResponse.From)]);
    }
}
