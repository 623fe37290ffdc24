using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Models;

public sealed record SearchViewModel
{
    public string Query { get; init; } = string.Empty;

    public SearchResults? Results { get; init; }

    /// <summary>A message explaining why the query was refused (already localized).</summary>
    public string? Error { get; init; }

    public int DocumentCount { get; init; }

    /// <summary>The catalog entries of the documents on this page of results (author, date for citations).</summary>
    public IReadOnlyDictionary<string, KnowledgeBase.Core.Documents.DocumentInfo> Documents { get; init; } =
        new Dictionary<string, KnowledgeBase.Core.Documents.DocumentInfo>(StringComparer.Ordinal);

    public bool HasQuery => !string.IsNullOrWhiteSpace(Query);
}
