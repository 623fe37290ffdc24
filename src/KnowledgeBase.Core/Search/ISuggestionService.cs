using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>Completions while typing, from the index's own statistics. Thread-safe; answers in milliseconds.</summary>
public interface ISuggestionService
{
    IReadOnlyList<Suggestion> Suggest(string prefix, int count, IReadOnlyList<DocumentVisibility> visibilities);
}
