using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// One optional clause of a flat disjunction, weighted on its own, with an upper bound of the score it can add to a
/// passage of a segment under <see cref="ExactLengthBm25Similarity"/>:
/// weight · (k1 + 1) · f / (f + k1 · (1 − b + b · ℓ / avg)) is largest for the highest term frequency f the
/// segment allows (total − documents + 1) and the shortest length ℓ of the field in the segment. Bounds are
/// inflated a little, so float rounding never makes them smaller than a real score.
/// A term clause is looked up once per segment: its <see cref="TermContext"/> (built once) gives the weight its idf and
/// per-segment postings (<c>new TermQuery(term, context)</c> does not seek again) and the bound its segment's
/// document and total frequencies.
/// </summary>
internal sealed class ClauseBound
{
    private const double Slack = 1.0001;

    private readonly ExactLengthBm25Similarity _similarity;
    private readonly TermContext? _context;
    private readonly List<(Term Term, double Weight, double AverageLength)> _terms;
    private readonly double _constantBound;

    private ClauseBound(Weight weight, ExactLengthBm25Similarity similarity, TermContext? context, List<(Term, double, double)> terms, double constantBound)
    {
        Weight = weight;
        _similarity = similarity;
        _context = context;
        _terms = terms;
        _constantBound = constantBound;
    }

    /// <summary>The clause's weight, normalized as it is inside the disjunction (boosts multiply, the query norm is 1).</summary>
    public Weight Weight { get; }

    /// <summary>The bound of a clause the pruning understands, or null (the search then scores every match).</summary>
    public static ClauseBound? For(Query clause, IndexSearcher searcher, ExactLengthBm25Similarity similarity)
    {
        var terms = new List<(Term, double, double)>();
        switch (clause)
        {
            case TermQuery term:
            {
                // One seek per segment: the weight and the bounds both read this context.
                var context = TermContexts.For(searcher.TopReaderContext, term.Term);
                var stats = searcher.CollectionStatistics(term.Term.Field);
                var weight = term.Boost * Idf(searcher.TermStatistics(term.Term, context).DocFreq, stats, similarity);
                terms.Add((term.Term, weight, AverageLength(stats)));
                var reuse = new TermQuery(term.Term, context) { Boost = term.Boost };
                return new ClauseBound(searcher.CreateNormalizedWeight(reuse), similarity, context, terms, 0);
            }

            case BooleanQuery nested when IsPlainDisjunction(nested) && nested.Clauses.All(c => c.Query is TermQuery):
                // A typo's spellings (FuzzyQuery rewritten, its terms' contexts already built): the sum of its terms' bounds.
                foreach (var inner in nested.Clauses.Select(c => (TermQuery)c.Query))
                {
                    var stats = searcher.CollectionStatistics(inner.Term.Field);
                    var docFreq = searcher.TermStatistics(inner.Term, TermContext.Build(searcher.TopReaderContext, inner.Term)).DocFreq;
                    terms.Add((inner.Term, inner.Boost * nested.Boost * Idf(docFreq, stats, similarity), AverageLength(stats)));
                }

                return new ClauseBound(searcher.CreateNormalizedWeight(clause), similarity, null, terms, 0);
            case PhraseQuery phrase when phrase.GetTerms().Length > 0:
            {
                // An acronym's expansion: idf summed over its terms; the phrase frequency is unbounded, f / (f + K) < 1.
                var stats = searcher.CollectionStatistics(phrase.GetTerms()[0].Field);
                var idf = phrase.GetTerms().Sum(t => Idf(searcher.TermStatistics(t, TermContext.Build(searcher.TopReaderContext, t)).DocFreq, stats, similarity));
                var constant = phrase.Boost * idf * (similarity.K1 + 1) * Slack;
                return new ClauseBound(searcher.CreateNormalizedWeight(clause), similarity, null, terms, constant);
            }

            default:
                return null;
        }
    }

    /// <summary>Optional clauses only, none required or excluded, no minimum to match.</summary>
    public static bool IsPlainDisjunction(BooleanQuery query) =>
        query.MinimumNumberShouldMatch == 0 && query.Clauses.Count > 0 && query.Clauses.All(c => c.Occur == Occur.SHOULD);

    /// <summary>The most this clause adds to the score of a passage of <paramref name="segment"/>.</summary>
    public float UpperBound(AtomicReaderContext segment)
    {
        var bound = _constantBound;
        if (_context is not null)
        {
            var (term, weight, average) = _terms[0];
            if (_context.Get(segment.Ord) is BlockTermState state)
            {
                bound += TermBound(segment.AtomicReader, term.Field, state.DocFreq, state.TotalTermFreq, weight, average);
            }
            else if (_context.Get(segment.Ord) is not null)
            {
                // A codec whose term state does not carry the frequencies: the weakest bound, saturation 1.
                bound += weight * (_similarity.K1 + 1);
            }
        }
        else
        {
            foreach (var (term, weight, average) in _terms)
            {
                var iterator = segment.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
                if (iterator is not null && iterator.SeekExact(term.Bytes))
                {
                    bound += TermBound(segment.AtomicReader, term.Field, iterator.DocFreq, iterator.TotalTermFreq, weight, average);
                }
            }
        }

        return (float)(bound * Slack);
    }

    /// <summary>How many passages of <paramref name="segment"/> hold one of the clause's terms, at least (0 for a phrase).</summary>
    public int DocFreq(AtomicReaderContext segment)
    {
        if (_context is not null)
        {
            return _context.Get(segment.Ord) is BlockTermState state ? state.DocFreq : 0;
        }

        return _terms.Count == 0 ? 0 : _terms.Max(t => segment.AtomicReader.DocFreq(t.Term));
    }

    /// <summary>The passages of <paramref name="segment"/> holding the clause's term when it was looked up once for the
    /// search (a term clause), else 0: free to ask.</summary>
    public int KnownDocFreq(AtomicReaderContext segment) =>
        _context?.Get(segment.Ord) is BlockTermState state ? state.DocFreq : 0;

    private double TermBound(AtomicReader segment, string field, int docFreq, long total, double weight, double average)
    {
        var shortest = SegmentNorms.MinNorm(segment, field);
        var k = (_similarity.K1 * (1 - _similarity.B)) + (_similarity.K1 * _similarity.B * shortest / average);
        var saturation = total < 0 ? 1.0 : (total - docFreq + 1) is var f && f > 0 ? f / (f + k) : 1.0;
        return weight * (_similarity.K1 + 1) * Math.Min(1.0, saturation);
    }

    private static double Idf(long docFreq, CollectionStatistics collection, ExactLengthBm25Similarity similarity)
    {
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
