using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>"More like this": passages most like a given one, other documents first. Thread-safe.</summary>
public interface ISimilarPassagesService
{
    /// <summary>Empty when the passage does not exist.</summary>
    IReadOnlyList<SearchHit> FindSimilar(string passageId, int count, IReadOnlyList<DocumentVisibility> visibilities);
}
