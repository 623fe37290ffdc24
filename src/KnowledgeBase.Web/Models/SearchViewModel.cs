using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Models;

public sealed record SearchViewModel
{
    public string Query { get; init; } = string.Empty;

    public SearchResults? Results { get; init; }

    /// <summary>A message explaining why the query was refused (already localized).</summary>
    public string? Error { get; init; }

    public int DocumentCount { get; init; }

    public bool HasQuery => !string.IsNullOrWhiteSpace(Query);
}
