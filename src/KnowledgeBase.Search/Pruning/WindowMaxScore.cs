using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// MaxScore over one segment, a window at a time (as Lucene 9's <c>MaxScoreBulkScorer</c>): the clauses' scorers are
/// ordered by upper bound; the smallest ones whose bounds together stay below the k-th best score so far are
/// non-essential and never iterated. The essential ones are scored clause by clause into a buffer of
/// <see cref="WindowSize"/> passages (as <c>BooleanScorer</c> does: one add per posting, no heap); then each passage
/// of the window, in order, looks the non-essential clauses up (largest bound first) only while its partial score plus
/// the bounds left can still beat the k-th score. The partition is redone between windows when that score has risen.
/// Scores are sums of the clauses' own scores in double, rounded to float once (as <c>BooleanScorer</c> forms them).
/// Not thread-safe: one instance per search, or per slice of a parallel search (the buffers are reused from segment to
/// segment); the slices of one search share their k-th best scores through a <see cref="SharedThreshold"/>.
/// </summary>
internal sealed class WindowMaxScore
{
    /// <summary>The order in which clauses become non-essential as the k-th score rises. Any order gives the same top k.</summary>
    public enum ClauseOrder
    {
        /// <summary>Smallest bound first: the most clauses non-essential (the first window MaxScore).</summary>
        Bound,

        /// <summary>Most passages per unit of bound first (document frequency / bound): the fewest postings essential.</summary>
        Density,
    }

    /// <summary>Passages per window (<c>BooleanScorer</c>'s 2,048).</summary>
    public const int WindowSize = 2048;

    private const int NoMoreDocs = DocIdSetIterator.NO_MORE_DOCS;

    private readonly IReadOnlyList<ClauseBound> _clauses;
    private readonly Filter? _filter;
    private readonly TopK _top;
    private readonly double[] _scores = new double[WindowSize];
    private readonly ulong[] _matches = new ulong[WindowSize / 64];

    private readonly ClauseOrder _order;
    private readonly SharedThreshold? _shared;
    private readonly TopK? _rank;
    private readonly int _thread;

    private Scorer[] _scorers = [];
    private double[] _bounds = [];
    private double[] _prefix = [];

    // The segment whose scorers are open (a later range of it continues with them), its filter's passages, and the
    // first essential clause where the last range left it.
    private AtomicReaderContext? _segment;
    private DocIdSetIterator? _allowed;
    private int _open;
    private int _firstEssential;

    /// <summary>A search of <paramref name="clauses"/> within <paramref name="filter"/> into <paramref name="top"/>;
    /// <paramref name="shared"/> holds the k-th best score of the other slices of a parallel search (null: none), a lower
    /// bound of the final k-th score, so a passage below it cannot enter the top k either.</summary>
    public WindowMaxScore(IReadOnlyList<ClauseBound> clauses, Filter? filter, TopK top, ClauseOrder order = ClauseOrder.Density, SharedThreshold? shared = null, int thread = 0)
    {
        _shared = shared;
        _thread = thread;
        // This thread's best SharedThreshold.Rank passages: their lowest score is the one it publishes.
        _rank = shared is { Threads: > 1 } ? new TopK(shared.Rank(top.K)) : null;
        _clauses = clauses;
        _filter = filter;
        _top = top;
        _order = order;
    }

    /// <summary>Whether any clause was skipped (then <paramref name="Matched"/> undercounts), the passages matched
    /// and seen (<see cref="Estimate"/> turns them into an estimate of all matches), and the passages the essential
    /// clauses found that were scored in full (for the tests: how much work was skipped).</summary>
    public readonly record struct Outcome(bool Pruned, long Matched, long Visited, long Completed);

    /// <summary>Searches the whole segment.</summary>
    public Outcome Run(AtomicReaderContext context) => Run(context, 0, context.AtomicReader.MaxDoc);

    /// <summary>
    /// Searches the passages <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive) of the segment.
    /// Ranges of one segment come in increasing order: a later range of the segment searched last continues with its
    /// scorers, advanced to <paramref name="from"/>.
    /// </summary>
    public Outcome Run(AtomicReaderContext context, int from, int to)
    {
        // The k-th best score so far, this slice's or (when higher) another slice's: only rises.
        var kth = _shared is null ? _top.Threshold : Math.Max(_top.Threshold, _shared.Value);
        var threshold = Margin(kth);
        int firstEssential;
        if (!ReferenceEquals(_segment, context))
        {
            _segment = context;
            _open = 0;
            _firstEssential = 0;
            _allowed = null;
            var live = context.AtomicReader.LiveDocs;
            if (_filter is not null)
            {
                _allowed = _filter.GetDocIdSet(context, live)?.GetIterator();
                if (_allowed is null)
                {
                    return default;
                }

                _ = from == 0 ? _allowed.NextDoc() : _allowed.Advance(from);
            }

            _open = Open(context, live, from);
            firstEssential = Partition(threshold, 0);
        }
        else
        {
            if (_filter is not null && _allowed is null)
            {
                return default;
            }

            if (_allowed is not null && _allowed.DocID < from)
            {
                _allowed.Advance(from);
            }

            // The essential clauses are iterated from the range's start; the others are advanced passage by passage.
            firstEssential = Partition(threshold, _firstEssential);
            for (var i = firstEssential; i < _open; i++)
            {
                if (_scorers[i].DocID < from)
                {
                    _scorers[i].Advance(from);
                }
            }
        }

        var n = _open;
        if (n == 0)
        {
            return default;
        }

        var allowed = _allowed;
        var docBase = context.DocBase;
        var pruned = firstEssential > 0;
        long visited = 0, matched = 0, completed = 0;
        while (firstEssential < n && (allowed is null || allowed.DocID < to))
        {
            var windowMin = NoMoreDocs;
            for (var i = firstEssential; i < n; i++)
            {
                windowMin = Math.Min(windowMin, _scorers[i].DocID);
            }

            if (windowMin >= to)
            {
                break;
            }

            if (allowed is not null && allowed.DocID > windowMin)
            {
                // Nothing the filter lets through before its next passage: start the window there.
                windowMin = allowed.DocID;
                for (var i = firstEssential; i < n; i++)
                {
                    if (_scorers[i].DocID < windowMin)
                    {
                        _scorers[i].Advance(windowMin);
                    }
                }

                continue;
            }

            var windowMax = Math.Min(windowMin + WindowSize, to);
            for (var i = n - 1; i >= firstEssential; i--)
            {
                var scorer = _scorers[i];
                for (var doc = scorer.DocID; doc < windowMax; doc = scorer.NextDoc())
                {
                    var slot = doc - windowMin;
                    _matches[slot >> 6] |= 1UL << slot;
                    _scores[slot] += scorer.GetScore();
                }
            }

            var rose = false;
            for (var word = 0; word < _matches.Length; word++)
            {
                var bits = _matches[word];
                if (bits == 0)
                {
                    continue;
                }

                _matches[word] = 0;
                do
                {
                    var slot = (word << 6) | BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    var doc = windowMin + slot;
                    var sum = _scores[slot];
                    _scores[slot] = 0;
                    visited++;
                    if (allowed is not null)
                    {
                        if (allowed.DocID < doc)
                        {
                            allowed.Advance(doc);
                        }

                        if (allowed.DocID != doc)
                        {
                            continue;
                        }
                    }

                    matched++;
                    var complete = true;
                    for (var i = firstEssential - 1; i >= 0; i--)
                    {
                        if (sum + _prefix[i + 1] < threshold)
                        {
                            complete = false;
                            break;
                        }

                        var scorer = _scorers[i];
                        var at = scorer.DocID;
                        if (at < doc)
                        {
                            at = scorer.Advance(doc);
                        }

                        if (at == doc)
                        {
                            sum += scorer.GetScore();
                        }
                    }

                    if (complete)
                    {
                        completed++;
                        _rank?.Offer(docBase + doc, (float)sum);
                        if (_top.Offer(docBase + doc, (float)sum) && _top.Threshold >= kth)
                        {
                            kth = _top.Threshold;
                            threshold = Margin(kth);
                            rose = true;
                        }
                    }
                }
                while (bits != 0);
            }

            if (_shared is not null)
            {
                // Publish this slice's k-th score, and take the others' when higher.
                if (rose)
                {
                    _shared.Raise(_top.Threshold);
                }

                if (_rank is { IsFull: true })
                {
                    _shared.RaiseRank(_thread, _rank.Threshold);
                }

                var others = _shared.Value;
                if (others > kth)
                {
                    kth = others;
                    threshold = Margin(kth);
                    rose = true;
                }
            }

            if (rose)
            {
                // The essential clauses stand past this window: those that become non-essential are only advanced from here on.
                firstEssential = Partition(threshold, firstEssential);
                pruned |= firstEssential > 0;
            }
        }

        _firstEssential = firstEssential;
        return new Outcome(pruned, matched, visited, completed);
    }

    /// <summary>
    /// An estimate of the matches of a pruned search in a segment, from the passages it <paramref name="matched"/> and
    /// <paramref name="visited"/> there (all its slices together): matches of the most frequent clause, scaled by the
    /// share of live passages and the share of passages the filter let through.
    /// </summary>
    public static long Estimate(IReadOnlyList<ClauseBound> clauses, AtomicReaderContext context, bool filtered, long matched, long visited)
    {
        var reader = context.AtomicReader;
        var widest = clauses.Max(c => c.DocFreq(context));
        var liveShare = reader.MaxDoc == 0 ? 1.0 : reader.NumDocs / (double)reader.MaxDoc;
        var filterShare = !filtered || visited == 0 ? 1.0 : matched / (double)visited;
        return (long)(widest * liveShare * filterShare);
    }

    /// <summary>
    /// Opens the clauses' scorers in this segment, on their first passage from <paramref name="from"/> (those with one),
    /// in the order they become non-essential (<see cref="ClauseOrder"/>); their count.
    /// </summary>
    private int Open(AtomicReaderContext context, Lucene.Net.Util.IBits? live, int from)
    {
        var open = new List<(Scorer Scorer, float Bound, int DocFreq, int Order)>(_clauses.Count);
        for (var i = 0; i < _clauses.Count; i++)
        {
            if (_clauses[i].Weight.GetScorer(context, live) is { } scorer && (from == 0 ? scorer.NextDoc() : scorer.Advance(from)) != NoMoreDocs)
            {
                open.Add((scorer, _clauses[i].UpperBound(context), _order == ClauseOrder.Density ? _clauses[i].DocFreq(context) : 0, i));
            }
        }

        if (_order == ClauseOrder.Density)
        {
            // Most postings per unit of bound first: the non-essential clauses (a prefix whose bounds stay below the
            // threshold) then spare the most postings (the greedy answer to that knapsack). A clause bounded by 0 adds
            // nothing and goes first.
            static double Density((Scorer Scorer, float Bound, int DocFreq, int Order) c) => c.Bound > 0 ? c.DocFreq / (double)c.Bound : double.PositiveInfinity;
            open.Sort((a, b) => Density(a) != Density(b) ? Density(b).CompareTo(Density(a)) : a.Order.CompareTo(b.Order));
        }
        else
        {
            open.Sort((a, b) => a.Bound != b.Bound ? a.Bound.CompareTo(b.Bound) : a.Order.CompareTo(b.Order));
        }

        _scorers = [.. open.Select(o => o.Scorer)];
        _bounds = [.. open.Select(o => (double)o.Bound)];
        _prefix = new double[open.Count + 1];
        for (var i = 0; i < open.Count; i++)
        {
            _prefix[i + 1] = _prefix[i] + _bounds[i];
        }

        return open.Count;
    }

    /// <summary>
    /// The first essential clause: those before it (in the order of <see cref="Open"/>) have bounds that together stay
    /// below the threshold. The non-essential ones are then ordered by bound, smallest first, so a passage looks the
    /// largest up first (and stops soonest); the essential ones keep their order.
    /// </summary>
    private int Partition(double threshold, int from)
    {
        var first = from;
        var sum = _prefix[from];
        while (first < _scorers.Length && sum + _bounds[first] < threshold)
        {
            sum += _bounds[first];
            first++;
        }

        if (first > from && _order == ClauseOrder.Density)
        {
            Array.Sort(_bounds, _scorers, 0, first);
            for (var i = 0; i < first; i++)
            {
                _prefix[i + 1] = _prefix[i] + _bounds[i];
            }
        }

        return first;
    }

    /// <summary>Below the threshold by more than summing in another order could change (strictly below it enters never).</summary>
    private static double Margin(float threshold) => threshold - (Math.Abs((double)threshold) * 1e-6);
}
