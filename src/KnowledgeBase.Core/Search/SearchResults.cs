namespace KnowledgeBase.Core.Search;

/// <summary>One page of ranked passages, with the total number of matching passages.</summary>
public sealed record SearchResults
{
    public required string Query { get; init; }

    public required int TotalHits { get; init; }

    public required int Page { get; init; }

    public required int PageSize { get; init; }

    public required IReadOnlyList<SearchHit> Hits { get; init; }

    public TimeSpan Elapsed { get; init; }

    public int TotalPages => PageSize <= 0 ? 0 : (TotalHits + PageSize - 1) / PageSize;

    public static SearchResults Empty(string query, int page, int pageSize) =>
        new() { Query = query, TotalHits = 0, Page = page, PageSize = pageSize, Hits = [] };
}
