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
        if (weights.TitleB.Equals(weights.B) && weights.BigramB.Equals(weights.B) && weights.ExactB.Equals(weights.B))
        {
            return text;
        }

        Similarity With(float b) => b.Equals(weights.B) ? text : new ExactLengthBm25Similarity(weights.K1, b, weights.IdfPower);
        var title = With(weights.TitleB);
        return new PerField(text, title, With(weights.BigramB), weights.TitleB.Equals(weights.B) ? With(weights.BigramB) : title, With(weights.ExactB));
    }

    /// <summary>
    /// The title fields (<see cref="RankingWeights.TitleB"/>), the pair fields (<see cref="RankingWeights.BigramB"/>) and the
    /// exact text field (<see cref="RankingWeights.ExactB"/>) with their own length normalisation; norms are the same exact lengths.
    /// </summary>
    private sealed class PerField(Similarity text, Similarity title, Similarity pairs, Similarity titlePairs, Similarity exact) : PerFieldSimilarityWrapper
    {
        public override Similarity Get(string name) => name switch
        {
            IndexFields.TextBigrams => pairs,
            IndexFields.TitleBigrams => titlePairs,
            IndexFields.Title or IndexFields.TitleFolded => title,
            IndexFields.Text => exact,
            _ => text,
        };
    }
}
