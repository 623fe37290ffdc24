using Lucene.Net.Search.Similarities;

namespace KnowledgeBase.Search;

/// <summary>Ranking constants shared by the writer and the searchers.</summary>
public static class Ranking
{

    /// <summary>
    /// BM25 with exact field lengths (<see cref="ExactLengthBm25Similarity"/>) and the production parameters;
    /// the same instance is used at index time (it decides what the norms hold) and at search time.
    /// </summary>
    public static Similarity Similarity { get; } = SimilarityFor(RankingWeights.Default);

    /// <summary>
    /// BM25 with the k1, b and idf power of <paramref name="weights"/>. Only the search side reads them (the
    /// index keeps field lengths, not scores), so a searcher may use other values over the same index.
    /// </summary>
    public static Similarity SimilarityFor(RankingWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var text = new ExactLengthBm25Similarity(weights.K1, weights.B, weights.IdfPower);
        return weights.TitleB.Equals(weights.B) ? text : new PerField(text, new ExactLengthBm25Similarity(weights.K1, weights.TitleB, weights.IdfPower));
    }

    /// <summary>The title fields with their own length normalisation (<see cref="RankingWeights.TitleB"/>); norms are the same exact lengths.</summary>
    private sealed class PerField(Similarity text, Similarity title) : PerFieldSimilarityWrapper
    {
        public override Similarity Get(string name) =>
            name is IndexFields.Title or IndexFields.TitleFolded or IndexFields.TitleBigrams ? title : text;
    }
}
