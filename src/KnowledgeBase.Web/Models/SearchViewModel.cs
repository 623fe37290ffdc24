using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Models;

public sealed record SearchViewModel
{
    public SearchParameters Parameters { get; init; } = new();

    public SearchResults? Results { get; init; }

    /// <summary>A message explaining why the query was refused (already localized).</summary>
    public string? Error { get; init; }

    public int DocumentCount { get; init; }

    /// <summary>The catalog entries of the documents on this page of results (author, date for citations).</summary>
    public IReadOnlyDictionary<string, DocumentInfo> Documents { get; init; } = new Dictionary<string, DocumentInfo>(StringComparer.Ordinal);

    public string Query => Parameters.Query;

    public bool HasQuery => Parameters.HasQuery;
}
