using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// Top-k search of a flat disjunction (the ranking query of free text) that skips passages which cannot enter the
/// top k — MaxScore (Turtle and Flood), a window of passages at a time (<see cref="WindowMaxScore"/>): clauses are
/// ordered by their upper bound in each segment; those whose bounds together stay below the k-th best score so far
/// are non-essential, so only passages matching an essential clause are visited, and the non-essential clauses are
/// looked up for a passage only while its score can still reach the top k. The scores are Lucene's own (each clause's scorer, summed as Lucene's
/// <c>BooleanScorer</c> sums them), so the top k equal exhaustive scoring's. Other query shapes, and other
/// similarities, are declined: the caller then scores every match. Thread-safe (stateless).
/// A heavy search may be run by several threads (<c>Search:ParallelSearch</c>), the passages cut into contiguous chunks
/// (by document range, within a segment too) that the threads claim in order: each thread has its own scorers and top
/// k, the threads share their k-th best scores (<see cref="SharedThreshold"/>: any thread's is a lower bound of the
/// final one, so pruning on it stays exact), and their top k merge into the same top k, in the same order, as one
/// thread's.
/// </summary>
public static class MaxScoreSearch
{
    /// <summary>
    /// The postings (the clauses' document frequencies, summed) below which a search stays on one thread: splitting
    /// costs each slice its own scorers and a thread-pool hand-off, worth it only for a long scoring pass.
    /// </summary>
    public const long DefaultParallelPostings = 200_000;

    /// <summary>The most threads one search is split over.</summary>
    public const int MaxSlices = 4;

    /// <summary>Chunks of passages per thread: a thread that starts late, or a chunk slower than the others, is made up by the rest.</summary>
    private const int ChunksPerThread = 4;

    /// <summary>The fewest passages in a chunk (fewer chunks on a small index).</summary>
    private const long MinChunk = 16_384;

    /// <summary>
    /// The <paramref name="k"/> best passages of <paramref name="query"/> within <paramref name="filter"/>, ordered as
    /// <see cref="IndexSearcher.Search(Query, Filter, int)"/> orders them (score, then document), or null when the
    /// query is not a disjunction this search understands.
    /// </summary>
    public static PrunedTopDocs? TrySearch(IndexSearcher searcher, Query query, Filter? filter, int k) =>
        TrySearch(searcher, query, filter, k, WindowMaxScore.ClauseOrder.Density);

    /// <summary>As above, the clauses becoming non-essential in <paramref name="order"/> (tests and measurement).</summary>
    internal static PrunedTopDocs? TrySearch(IndexSearcher searcher, Query query, Filter? filter, int k, WindowMaxScore.ClauseOrder order) =>
        TrySearch(searcher, query, filter, k, order, threads: 1, parallelPostings: DefaultParallelPostings);

    /// <summary>
    /// As above, run by up to <paramref name="threads"/> threads when the clauses hold at least
    /// <paramref name="parallelPostings"/> postings (the same top k; the totals' estimates may differ a little, since
    /// the threads skip other passages than one thread does).
    /// </summary>
    internal static PrunedTopDocs? TrySearch(IndexSearcher searcher, Query query, Filter? filter, int k, WindowMaxScore.ClauseOrder order, int threads, long parallelPostings, long minChunk = MinChunk)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(query);
        if (k <= 0 || searcher.Similarity is not ExactLengthBm25Similarity similarity)
        {
            return null;
        }

        if (searcher.Rewrite(query) is not BooleanQuery disjunction || !ClauseBound.IsPlainDisjunction(disjunction) || disjunction.Boost != 1f || disjunction.Clauses.Count < 2)
        {
            return null;
        }

        var clauses = new List<ClauseBound>(disjunction.Clauses.Count);
        foreach (var clause in disjunction.Clauses)
        {
            if (clause.Query is BooleanQuery { Clauses.Count: 0 } && disjunction.CoordDisabled)
            {
                // A typo with no spelling near it in the index (its fuzzy query rewrote to nothing): it matches and adds
                // nothing, as in Lucene's scoring (no scorer; no coordination factor to count it). Declining the whole
                // question for it scored every match (a tail question of the 1M bench).
                continue;
            }

            if (ClauseBound.For(clause.Query, searcher, similarity) is not { } bound)
            {
                return null;
            }

            clauses.Add(bound);
        }

        var leaves = searcher.IndexReader.Leaves;
        if (threads > 1 && clauses.Count > 0 && Postings(clauses, leaves) >= parallelPostings)
        {
            return Parallel(leaves, clauses, filter, k, order, Math.Min(threads, MaxSlices), minChunk);
        }

        var top = new TopK(k);
        var scorer = new WindowMaxScore(clauses, filter, top, order);
        var totals = new Totals();
        foreach (var segment in leaves)
        {
            totals.Add(clauses, segment, filter is not null, scorer.Run(segment));
        }

        return new PrunedTopDocs(top.ToTopDocs(totals.Hits), TotalIsEstimate: totals.Estimated, FullyScored: totals.Scored, Visited: totals.Visited, Clauses: clauses.Count);
    }

    /// <summary>
    /// The search run by <paramref name="threads"/> threads: the passages cut into contiguous chunks (several per
    /// thread), each thread claiming the next unclaimed chunk in order until none is left — its passages thus come in
    /// increasing order, into its own top k and scorers (kept open from chunk to chunk of a segment). The caller is one
    /// of the threads and thread-pool tasks the others; a task that starts late finds less (or nothing) left, so a busy
    /// pool never leaves the caller waiting on work that has not started, and an uneven chunk is evened out.
    /// </summary>
    private static PrunedTopDocs Parallel(IList<AtomicReaderContext> leaves, List<ClauseBound> clauses, Filter? filter, int k, WindowMaxScore.ClauseOrder order, int threads, long minChunk)
    {
        var total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        var chunks = Split(leaves, (int)Math.Clamp(total / Math.Max(1, minChunk), threads, threads * ChunksPerThread));
        var count = chunks.Length;
        var tops = new TopK?[threads];
        var outcomes = new WindowMaxScore.Outcome[count][];
        var shared = new SharedThreshold(threads);
        var next = -1;
        var done = new CountdownEvent(count);
        ExceptionDispatchInfo? failure = null;

        void Work(int thread)
        {
            WindowMaxScore? scorer = null;
            for (var chunk = Interlocked.Increment(ref next); chunk < count; chunk = Interlocked.Increment(ref next))
            {
                try
                {
                    if (scorer is null)
                    {
                        var top = tops[thread] = new TopK(k);
                        scorer = new WindowMaxScore(clauses, filter, top, order, shared, thread);
                    }

                    var part = chunks[chunk];
                    var results = outcomes[chunk] = new WindowMaxScore.Outcome[part.Count];
                    for (var i = 0; i < part.Count; i++)
                    {
                        results[i] = scorer.Run(leaves[part[i].Leaf], part[i].From, part[i].To);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                }
                finally
                {
                    done.Signal();
                }
            }
        }

        for (var t = 1; t < threads; t++)
        {
            var thread = t;
            _ = Task.Run(() => Work(thread));
        }

        Work(0);
        // Every chunk is claimed by now, each by a thread that is running it.
        done.Wait();
        failure?.Throw();

        var totals = new Totals();
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            // A segment cut into chunks counts as one: its matches and visits summed, then estimated once.
            var combined = default(WindowMaxScore.Outcome);
            var any = false;
            for (var chunk = 0; chunk < count; chunk++)
            {
                for (var i = 0; i < chunks[chunk].Count; i++)
                {
                    if (chunks[chunk][i].Leaf == leaf)
                    {
                        var o = outcomes[chunk][i];
                        combined = new WindowMaxScore.Outcome(combined.Pruned || o.Pruned, combined.Matched + o.Matched, combined.Visited + o.Visited, combined.Completed + o.Completed);
                        any = true;
                    }
                }
            }

            if (any)
            {
                totals.Add(clauses, leaves[leaf], filter is not null, combined);
            }
        }

        return new PrunedTopDocs(TopK.Merge([.. tops.OfType<TopK>()], k, totals.Hits), TotalIsEstimate: totals.Estimated, FullyScored: totals.Scored, Visited: totals.Visited, Clauses: clauses.Count, Slices: count);
    }

    /// <summary>
    /// The passages of all segments cut into <paramref name="count"/> contiguous chunks of about as many passages: for
    /// each, the pieces of segments it covers (segment index, first passage, end), in order.
    /// </summary>
    internal static List<(int Leaf, int From, int To)>[] Split(IList<AtomicReaderContext> leaves, int count)
    {
        long total = leaves.Sum(l => (long)l.AtomicReader.MaxDoc);
        count = (int)Math.Max(1, Math.Min(count, total));
        var parts = new List<(int Leaf, int From, int To)>[count];
        for (var slice = 0; slice < count; slice++)
        {
            parts[slice] = [];
            var start = total * slice / count;
            var end = total * (slice + 1) / count;
            long docBase = 0;
            for (var leaf = 0; leaf < leaves.Count; leaf++)
            {
                var maxDoc = leaves[leaf].AtomicReader.MaxDoc;
                var from = Math.Max(start, docBase);
                var to = Math.Min(end, docBase + maxDoc);
                if (from < to)
                {
                    parts[slice].Add((leaf, (int)(from - docBase), (int)(to - docBase)));
                }

                docBase += maxDoc;
            }
        }

        return parts;
    }

    /// <summary>The postings of the clauses whose terms were looked up (those of typos and phrases not counted).</summary>
    private static long Postings(List<ClauseBound> clauses, IList<AtomicReaderContext> leaves)
    {
        long postings = 0;
        foreach (var clause in clauses)
        {
            foreach (var leaf in leaves)
            {
                postings += clause.KnownDocFreq(leaf);
            }
        }

        return postings;
    }

    /// <summary>The totals of a search, segment by segment: exact unless a segment was pruned (then estimated).</summary>
    private sealed class Totals
    {
        private long _total;

        public bool Estimated { get; private set; }

        public long Scored { get; private set; }

        public long Visited { get; private set; }

        public int Hits => (int)Math.Min(int.MaxValue, _total);

        public void Add(IReadOnlyList<ClauseBound> clauses, AtomicReaderContext segment, bool filtered, WindowMaxScore.Outcome result)
        {
            Estimated |= result.Pruned;
            Scored += result.Completed;
            Visited += result.Visited;
            _total += result.Pruned ? Math.Max(result.Matched, WindowMaxScore.Estimate(clauses, segment, filtered, result.Matched, result.Visited)) : result.Matched;
        }
    }
}
