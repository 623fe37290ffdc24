using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace KnowledgeBase.Search;

/// <summary>
/// BM25 (Robertson–Spärck Jones idf, k1, b) that keeps each field's exact length in the norms, where
/// Lucene's <see cref="BM25Similarity"/> squeezes 1/√length into one byte (lengths 100 and 120 look the
/// same to it). Passages are short and similar in length, so the lost precision is ranking signal.
/// Overlapping tokens (a code stacked on its first part, đ stacked on d) are not counted. Query norm and
/// coordination are neutral, as in Lucene's BM25. Thread-safe and immutable.
/// </summary>
public sealed class ExactLengthBm25Similarity : Similarity
{
    public ExactLengthBm25Similarity(float k1, float b, float idfPower = 1f)
    {
        K1 = k1;
        B = b;
        IdfPower = idfPower;
    }

    public float K1 { get; }

    public float B { get; }

    /// <summary>
    /// The idf is raised to this power. Above 1 it widens the gap between rare and common words, which a
    /// long question needs: Lucene's idf, log(1 + (N − n + ½)/(n + ½)), keeps a word found in half the
    /// passages at a tenth of a rare word's weight, and a question has many such words.
    /// </summary>
    public float IdfPower { get; }

    public override long ComputeNorm(FieldInvertState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Length - state.NumOverlap;
    }

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        ArgumentNullException.ThrowIfNull(collectionStats);
        ArgumentNullException.ThrowIfNull(termStats);
        var docCount = collectionStats.DocCount == -1 ? collectionStats.MaxDoc : collectionStats.DocCount;
        var idf = 0.0;
        foreach (var term in termStats)
        {
            idf += Idf(term.DocFreq, docCount);
        }

        var sumTotalTermFreq = collectionStats.SumTotalTermFreq;
        var averageLength = sumTotalTermFreq <= 0 || docCount <= 0 ? 1f : (float)(sumTotalTermFreq / (double)docCount);
        return new Stats(collectionStats.Field, (float)idf, queryBoost, averageLength);
    }

    private double Idf(long docFreq, long docCount) => Idf(docFreq, docCount, IdfPower);

    /// <summary>Robertson–Spärck Jones idf raised to <paramref name="power"/>: the one formula, for ranking and for weighing query words.</summary>
    internal static double Idf(long docFreq, long docCount, float power)
    {
        // Deleted passages keep their terms until a merge: a count of live passages can be below a term's document
        // frequency. Such a term is in every passage, no less; a negative idf raised to a power is not a number.
        docFreq = Math.Min(docFreq, docCount);
        var idf = Math.Log(1 + ((docCount - docFreq + 0.5) / (docFreq + 0.5)));
        return power == 1f ? idf : Math.Pow(idf, power);
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stats = (Stats)weight;
        return new Scorer(this, stats, context.AtomicReader.GetNormValues(stats.Field));
    }

    private sealed class Stats(string field, float idf, float queryBoost, float averageLength) : SimWeight
    {
        public string Field { get; } = field;

        public float AverageLength { get; } = averageLength;

        public float Weight { get; private set; } = idf * queryBoost;

        public override float GetValueForNormalization() => Weight * Weight;

        public override void Normalize(float queryNorm, float topLevelBoost)
        {
            // Like Lucene's BM25: the query norm is ignored, boosts multiply.
            Weight = idf * queryBoost * topLevelBoost;
        }
    }

    private sealed class Scorer(ExactLengthBm25Similarity similarity, Stats stats, NumericDocValues? norms) : SimScorer
    {
        private readonly float _weightTimesK1Plus1 = stats.Weight * (similarity.K1 + 1);
        private readonly float _k1TimesOneMinusB = similarity.K1 * (1 - similarity.B);
        private readonly float _k1TimesBOverAverage = similarity.K1 * similarity.B / stats.AverageLength;

        public override float Score(int doc, float freq)
        {
            // Without norms (a field indexed without them) every document has the average length.
            var length = norms is null ? stats.AverageLength : norms.Get(doc);
            return _weightTimesK1Plus1 * freq / (freq + _k1TimesOneMinusB + (_k1TimesBOverAverage * length));
        }

        public override float ComputeSlopFactor(int distance) => 1.0f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1f;
    }
}
