using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// MaxScore over one segment (see <see cref="MaxScoreSearch"/>): the clauses' scorers ordered by upper bound, the
/// essential ones merged through a heap on their current document, the others advanced only while the passage
/// can still enter the top k. Not thread-safe: one instance per segment and search.
/// </summary>
internal sealed class SegmentMaxScore
{
    private const int NoMoreDocs = DocIdSetIterator.NO_MORE_DOCS;

    private readonly AtomicReaderContext _context;
    private readonly IReadOnlyList<ClauseBound> _clauses;
    private readonly Filter? _filter;
    private readonly TopK _top;

    private Scorer[] _scorers = [];
    private int[] _order = [];
    private double[] _prefix = [];
    private int[] _heap = [];
    private int _heapSize;
    private int _firstEssential;

    public SegmentMaxScore(AtomicReaderContext context, IReadOnlyList<ClauseBound> clauses, Filter? filter, TopK top)
    {
        _context = context;
        _clauses = clauses;
        _filter = filter;
        _top = top;
    }

    /// <summary>Whether any clause was skipped (then <paramref name="Matched"/> undercounts), the passages matched
    /// and seen, and an estimate of all matches from the clauses' document counts.</summary>
    public readonly record struct Outcome(bool Pruned, long Matched, long EstimatedMatches);

    public Outcome Run()
    {
        var reader = _context.AtomicReader;
        var live = reader.LiveDocs;
        DocIdSetIterator? allowed = null;
        if (_filter is not null)
        {
            allowed = _filter.GetDocIdSet(_context, live)?.GetIterator();
            if (allowed is null)
            {
                return default;
            }
        }

        if (!Open(reader, live))
        {
            return default;
        }

        var n = _scorers.Length;
        var matchedOrder = new int[n];
        var matchedScore = new float[n];
        long matched = 0;
        long examined = 0;
        var pruned = false;
        UpdateEssential();
        pruned |= _firstEssential > 0;
        var docBase = _context.DocBase;
        while (_heapSize > 0)
        {
            var doc = _scorers[_heap[0]].DocID;
            if (doc == NoMoreDocs)
            {
                break;
            }

            examined++;
            if (allowed is not null)
            {
                if (allowed.DocID < doc)
                {
                    allowed.Advance(doc);
                }

                if (allowed.DocID != doc)
                {
                    SkipTo(allowed.DocID);
                    continue;
                }
            }

            matched++;
            var count = 0;
            var sum = 0.0;
            while (_heapSize > 0 && _scorers[_heap[0]].DocID == doc)
            {
                var top = _heap[0];
                var score = _scorers[top].GetScore();
                matchedOrder[count] = _order[top];
                matchedScore[count++] = score;
                sum += score;
                _scorers[top].NextDoc();
                SiftDown(0);
            }

            var threshold = Margin(_top.Threshold);
            var skipped = false;
            for (var i = _firstEssential - 1; i >= 0; i--)
            {
                if (sum + _prefix[i + 1] < threshold)
                {
                    skipped = true;
                    break;
                }

                var scorer = _scorers[i];
                if (scorer.DocID < doc)
                {
                    scorer.Advance(doc);
                }

                if (scorer.DocID == doc)
                {
                    var score = scorer.GetScore();
                    matchedOrder[count] = _order[i];
                    matchedScore[count++] = score;
                    sum += score;
                }
            }

            if (!skipped && _top.Offer(docBase + doc, LuceneSum(matchedOrder, matchedScore, count)))
            {
                pruned |= UpdateEssential();
            }
        }

        var estimate = 0L;
        if (pruned)
        {
            // Matches of the most frequent clause, scaled by the share of passages the filter let through.
            var widest = _clauses.Max(c => c.DocFreq(reader));
            var liveShare = reader.MaxDoc == 0 ? 1.0 : reader.NumDocs / (double)reader.MaxDoc;
            var filterShare = allowed is null || examined == 0 ? 1.0 : matched / (double)examined;
            estimate = (long)(widest * liveShare * filterShare);
        }

        return new Outcome(pruned, matched, estimate);
    }

    /// <summary>Opens the clauses' scorers in this segment, ordered by upper bound, smallest first.</summary>
    private bool Open(AtomicReader reader, Lucene.Net.Util.IBits? live)
    {
        var open = new List<(Scorer Scorer, float Bound, int Order)>(_clauses.Count);
        for (var i = 0; i < _clauses.Count; i++)
        {
            if (_clauses[i].Weight.GetScorer(_context, live) is { } scorer)
            {
                open.Add((scorer, _clauses[i].UpperBound(reader), i));
            }
        }

        if (open.Count == 0)
        {
            return false;
        }

        open.Sort((a, b) => a.Bound != b.Bound ? a.Bound.CompareTo(b.Bound) : a.Order.CompareTo(b.Order));
        _scorers = [.. open.Select(o => o.Scorer)];
        _order = [.. open.Select(o => o.Order)];
        _prefix = new double[open.Count + 1];
        for (var i = 0; i < open.Count; i++)
        {
            _prefix[i + 1] = _prefix[i] + open[i].Bound;
        }

        _heap = new int[open.Count];
        foreach (var scorer in _scorers)
        {
            scorer.NextDoc();
        }

        return true;
    }

    /// <summary>
    /// Moves the clauses whose bounds together stay below the threshold out of the essential set; true when
    /// any clause is non-essential (passages matching only those are then never seen).
    /// </summary>
    private bool UpdateEssential()
    {
        var threshold = Margin(_top.Threshold);
        var first = _firstEssential;
        while (first < _scorers.Length && _prefix[first + 1] < threshold)
        {
            first++;
        }

        if (first != _firstEssential || _heapSize == 0)
        {
            _firstEssential = first;
            RebuildHeap();
        }

        return _firstEssential > 0;
    }

    /// <summary>Below the threshold by more than summing in another order could change (strictly below it enters never).</summary>
    private static double Margin(float threshold) => threshold - (Math.Abs((double)threshold) * 1e-6);

    /// <summary>The score as Lucene's <c>BooleanScorer</c> forms it: a double sum in reverse clause order, then a float.</summary>
    private static float LuceneSum(int[] order, float[] scores, int count)
    {
        for (var i = 1; i < count; i++)
        {
            var o = order[i];
            var s = scores[i];
            var j = i - 1;
            for (; j >= 0 && order[j] < o; j--)
            {
                order[j + 1] = order[j];
                scores[j + 1] = scores[j];
            }

            order[j + 1] = o;
            scores[j + 1] = s;
        }

        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += scores[i];
        }

        return (float)sum;
    }

    /// <summary>Advances every essential scorer to <paramref name="target"/> (the filter's next passage).</summary>
    private void SkipTo(int target)
    {
        for (var i = 0; i < _heapSize; i++)
        {
            var scorer = _scorers[_heap[i]];
            if (scorer.DocID < target)
            {
                if (target == NoMoreDocs)
                {
                    _heapSize = 0;
                    return;
                }

                scorer.Advance(target);
            }
        }

        Heapify();
    }

    private void RebuildHeap()
    {
        _heapSize = 0;
        for (var i = _firstEssential; i < _scorers.Length; i++)
        {
            _heap[_heapSize++] = i;
        }

        Heapify();
    }

    private void Heapify()
    {
        for (var i = (_heapSize / 2) - 1; i >= 0; i--)
        {
            SiftDown(i);
        }
    }

    private void SiftDown(int at)
    {
        var item = _heap[at];
        var doc = _scorers[item].DocID;
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= _heapSize)
            {
                break;
            }

            if (child + 1 < _heapSize && _scorers[_heap[child + 1]].DocID < _scorers[_heap[child]].DocID)
            {
                child++;
            }

            if (_scorers[_heap[child]].DocID >= doc)
            {
                break;
            }

            _heap[at] = _heap[child];
            at = child;
        }

        _heap[at] = item;
    }
}
