using Lucene.Net.Search.Similarities;

namespace KnowledgeBase.Search;

/// <summary>Ranking constants shared by the writer and the searchers.</summary>
public static class Ranking
{
    /// <summary>BM25 with the textbook parameters; the same instance is used at index and search time.</summary>
    public static Similarity Similarity { get; } = new BM25Similarity(k1: 1.2f, b: 0.75f);
}
