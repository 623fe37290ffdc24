namespace KnowledgeBase.Core.Search;

/// <summary>The read side of the index. Thread-safe; every call uses a fresh near-real-time view.</summary>
public interface ISearchService
{
    /// <exception cref="QuerySyntaxException">The query cannot be parsed.</exception>
    SearchResults Search(SearchRequest request);
}
