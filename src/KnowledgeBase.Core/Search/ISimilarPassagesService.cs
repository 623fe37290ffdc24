namespace KnowledgeBase.Core.Search;

/// <summary>"More like this": passages most like a given one, other documents first. Thread-safe.</summary>
public interface ISimilarPassagesService
{
    /// <summary>Passages <paramref name="audience"/> may see; empty when the passage does not exist or is not theirs to see.</summary>
    IReadOnlyList<SearchHit> FindSimilar(string passageId, int count, Audience audience);
}
