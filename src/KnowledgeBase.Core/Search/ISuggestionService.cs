namespace KnowledgeBase.Core.Search;

/// <summary>Completions while typing, from the index's own statistics. Thread-safe; answers in milliseconds.</summary>
public interface ISuggestionService
{
    /// <summary>Phrases and titles drawn from the documents <paramref name="audience"/> may see.</summary>
    IReadOnlyList<Suggestion> Suggest(string prefix, int count, Audience audience);
}
