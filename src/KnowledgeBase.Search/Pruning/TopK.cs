using Lucene.Net.Search;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// The k best (score, document) seen so far, documents arriving in increasing order (as Lucene's in-order
/// <c>TopScoreDocCollector</c>: a later document must score strictly more to replace one). Not thread-safe.
/// </summary>
internal sealed class TopK(int k)
{
    private readonly PriorityQueue<ScoreDoc, (float Score, int Doc)> _heap = new(k + 1, Comparer<(float Score, int Doc)>.Create(Worse));
    private float _maxScore = float.NegativeInfinity;

    public bool IsFull => _heap.Count >= k;

    /// <summary>How many it keeps.</summary>
    public int K => k;

    /// <summary>The score a new document must exceed to enter, once full; −∞ before.</summary>
    public float Threshold => IsFull && _heap.TryPeek(out var worst, out _) ? worst.Score : float.NegativeInfinity;

    /// <summary>Offers a document (global id); true when the threshold may have risen.</summary>
    public bool Offer(int doc, float score)
    {
        if (IsFull && score <= Threshold)
        {
            return false;
        }

        _heap.Enqueue(new ScoreDoc(doc, score), (score, doc));
        if (_heap.Count > k)
        {
            _heap.Dequeue();
        }

        _maxScore = Math.Max(_maxScore, score);
        return IsFull;
    }

    public TopDocs ToTopDocs(int totalHits)
    {
        var docs = new ScoreDoc[_heap.Count];
        for (var i = docs.Length - 1; i >= 0; i--)
        {
            docs[i] = _heap.Dequeue();
        }

        return new TopDocs(totalHits, docs, docs.Length == 0 ? float.NaN : _maxScore);
    }

    /// <summary>
    /// The best <paramref name="k"/> of several slices' top k (each over its own passages) in the order of
    /// <see cref="ToTopDocs"/>: score, then document — the top k of one search over all their passages. Drains them.
    /// </summary>
    public static TopDocs Merge(IReadOnlyList<TopK> slices, int k, int totalHits)
    {
        var all = new List<ScoreDoc>();
        var maxScore = float.NegativeInfinity;
        foreach (var slice in slices)
        {
            maxScore = Math.Max(maxScore, slice._maxScore);
            all.AddRange(slice.ToTopDocs(0).ScoreDocs);
        }

        all.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        var docs = all.Count > k ? all.GetRange(0, k).ToArray() : [.. all];
        return new TopDocs(totalHits, docs, docs.Length == 0 ? float.NaN : maxScore);
    }

    /// <summary>The heap's order: the worse first (lower score; for equal scores, the later document).</summary>
    private static int Worse((float Score, int Doc) a, (float Score, int Doc) b) =>
        a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc);
}
