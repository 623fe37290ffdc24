using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// One optional clause of a flat disjunction, weighted on its own, with an upper bound of the score it can add to a
/// passage of a segment under <see cref="ExactLengthBm25Similarity"/>:
/// weight · (k1 + 1) · f / (f + k1 · (1 − b + b · ℓ / avg)) is largest for the highest term frequency f the
/// segment allows (total − documents + 1) and the shortest length ℓ of the field in the segment. Bounds are
/// inflated a little, so float rounding never makes them smaller than a real score.
/// </summary>
internal sealed class ClauseBound
{
    private const double Slack = 1.0001;

    private readonly ExactLengthBm25Similarity _similarity;
    private readonly List<(Term Term, double Weight, double AverageLength)> _terms;
    private readonly double _constantBound;

    private ClauseBound(Weight weight, ExactLengthBm25Similarity similarity, List<(Term, double, double)> terms, double constantBound)
    {
        Weight = weight;
        _similarity = similarity;
        _terms = terms;
        _constantBound = constantBound;
    }

    /// <summary>The clause's weight, normalized as it is inside the disjunction (boosts multiply, the query norm is 1).</summary>
    public Weight Weight { get; }

    /// <summary>The bound of a clause the pruning understands, or null (the search then scores every match).</summary>
    public static ClauseBound? For(Query clause, IndexSearcher searcher, ExactLengthBm25Similarity similarity)
    {
        var terms = new List<(Term, double, double)>();
        double constant;
        switch (clause)
        {
            case TermQuery term:
                terms.Add((term.Term, TermWeight(term.Term, term.Boost, searcher, similarity), AverageLength(searcher.CollectionStatistics(term.Term.Field))));
                constant = 0;
                break;
            case BooleanQuery nested when IsPlainDisjunction(nested) && nested.Clauses.All(c => c.Query is TermQuery):
                // A typo's spellings (FuzzyQuery rewritten): the sum of its terms' bounds.
                foreach (var inner in nested.Clauses.Select(c => (TermQuery)c.Query))
                {
                    terms.Add((inner.Term, TermWeight(inner.Term, inner.Boost * nested.Boost, searcher, similarity), AverageLength(searcher.CollectionStatistics(inner.Term.Field))));
                }

                constant = 0;
                break;
            case PhraseQuery phrase when phrase.GetTerms().Length > 0:
                // An acronym's expansion: idf summed over its terms; the phrase frequency is unbounded, f / (f + K) < 1.
                var stats = searcher.CollectionStatistics(phrase.GetTerms()[0].Field);
                var idf = phrase.GetTerms().Sum(t => Idf(t, searcher, similarity, stats));
                constant = phrase.Boost * idf * (similarity.K1 + 1) * Slack;
                break;
            default:
                return null;
        }

        return new ClauseBound(searcher.CreateNormalizedWeight(clause), similarity, terms, constant);
    }

    /// <summary>Optional clauses only, none required or excluded, no minimum to match.</summary>
    public static bool IsPlainDisjunction(BooleanQuery query) =>
        query.MinimumNumberShouldMatch == 0 && query.Clauses.Count > 0 && query.Clauses.All(c => c.Occur == Occur.SHOULD);

    /// <summary>The most this clause adds to the score of a passage of <paramref name="segment"/>.</summary>
    public float UpperBound(AtomicReader segment)
    {
        var bound = _constantBound;
        foreach (var (term, weight, average) in _terms)
        {
            bound += TermBound(segment, term, weight, average);
        }

        return (float)(bound * Slack);
    }

    /// <summary>How many passages of <paramref name="segment"/> hold one of the clause's terms, at least (0 for a phrase).</summary>
    public int DocFreq(AtomicReader segment) => _terms.Count == 0 ? 0 : _terms.Max(t => segment.DocFreq(t.Term));

    private double TermBound(AtomicReader segment, Term term, double weight, double average)
    {
        var terms = segment.GetTerms(term.Field);
        var iterator = terms?.GetEnumerator();
        if (iterator is null || !iterator.SeekExact(term.Bytes))
        {
            return 0;
        }

        var total = iterator.TotalTermFreq;
        var shortest = SegmentNorms.MinNorm(segment, term.Field);
        var k = (_similarity.K1 * (1 - _similarity.B)) + (_similarity.K1 * _similarity.B * shortest / average);
        var saturation = total < 0 ? 1.0 : (total - iterator.DocFreq + 1) is var f && f > 0 ? f / (f + k) : 1.0;
        return weight * (_similarity.K1 + 1) * Math.Min(1.0, saturation);
    }

    private static double TermWeight(Term term, float boost, IndexSearcher searcher, ExactLengthBm25Similarity similarity) =>
        boost * Idf(term, searcher, similarity, searcher.CollectionStatistics(term.Field));

    private static double Idf(Term term, IndexSearcher searcher, ExactLengthBm25Similarity similarity, CollectionStatistics collection)
    {
        var context = TermContext.Build(searcher.TopReaderContext, term);
        var docFreq = searcher.TermStatistics(term, context).DocFreq;
        var docCount = collection.DocCount == -1 ? collection.MaxDoc : collection.DocCount;
        return ExactLengthBm25Similarity.Idf(docFreq, docCount, similarity.IdfPower);
    }

    /// <summary>As <see cref="ExactLengthBm25Similarity.ComputeWeight"/> takes it.</summary>
    private static double AverageLength(CollectionStatistics stats)
    {
        var docCount = stats.DocCount == -1 ? stats.MaxDoc : stats.DocCount;
        return stats.SumTotalTermFreq <= 0 || docCount <= 0 ? 1f : (float)(stats.SumTotalTermFreq / (double)docCount);
    }
}
