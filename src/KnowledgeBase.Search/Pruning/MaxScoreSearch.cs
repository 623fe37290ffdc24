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
/// A heavy search may be split into contiguous slices of the passages (by document range, within a segment too), one
/// per thread (<c>Search:ParallelSearch</c>): each slice has its own scorers and top k, the slices share their k-th best
/// scores (<see cref="SharedThreshold"/>: any slice's is a lower bound of the final one, so pruning on it stays exact),
/// and the slices' top k merge into the same top k, in the same order, as one thread's.
/// </summary>
public static class MaxScoreSearch
{
    /// <summary>
    /// The postings (the clauses' document frequencies, summed) below which a search stays on one thread: splitting
    /// costs each slice its own scorers and a thread-pool hand-off, worth it only for a long scoring pass.
    /// </summary>
    public const long DefaultParallelPostings = 200_000;

    /// <summary>The most slices one search is split into.</summary>
    public const int MaxSlices = 4;

    /// <summary>
    /// The <paramref name="k"/> best passages of <paramref name="query"/> within <paramref name="filter"/>, ordered as
    /// <see cref="IndexSearcher.Search(Query, Filter, int)"/> orders them (score, then document), or null when the
    /// query is not a disjunction this search understands.
    /// </summary>
    public static PrunedTopDocs? TrySearch(IndexSearcher searcher, Query query, Filter? filter, int k) =>
        TrySearch(searcher, query, filter, k, WindowMaxScore.ClauseOrder.Density);

    /// <summary>As above, the clauses becoming non-essential in <paramref name="order"/> (tests and measurement).</summary>
    internal static PrunedTopDocs? TrySearch(IndexSearcher searcher, Query query, Filter? filter, int k, WindowMaxScore.ClauseOrder order) =>
        TrySearch(searcher, query, filter, k, order, slices: 1, parallelPostings: DefaultParallelPostings);

    /// <summary>
    /// As above, split into up to <paramref name="slices"/> slices run in parallel when the clauses hold at least
    /// <paramref name="parallelPostings"/> postings (the same top k; the totals' estimates may differ a little, since
    /// the slices skip other passages than one thread).
    /// </summary>
    internal static PrunedTopDocs? TrySearch(IndexSearcher searcher, Query query, Filter? filter, int k, WindowMaxScore.ClauseOrder order, int slices, long parallelPostings)
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
        if (slices > 1 && clauses.Count > 0 && Postings(clauses, leaves) >= parallelPostings)
        {
            return Parallel(leaves, clauses, filter, k, order, Math.Min(slices, MaxSlices));
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
    /// The search split into <paramref name="count"/> contiguous slices of about as many passages, each run by whichever
    /// thread claims it first: the caller takes the first, thread-pool tasks the others, and the caller then claims any
    /// slice no task has begun (a busy pool never leaves it waiting on work that has not started).
    /// </summary>
    private static PrunedTopDocs Parallel(IList<AtomicReaderContext> leaves, List<ClauseBound> clauses, Filter? filter, int k, WindowMaxScore.ClauseOrder order, int count)
    {
        var parts = Split(leaves, count);
        count = parts.Length;
        var tops = new TopK[count];
        var outcomes = new WindowMaxScore.Outcome[count][];
        var shared = new SharedThreshold();
        var claimed = new int[count];
        var done = new CountdownEvent(count);
        ExceptionDispatchInfo? failure = null;

        void RunSlice(int slice)
        {
            try
            {
                var top = tops[slice] = new TopK(k);
                var scorer = new WindowMaxScore(clauses, filter, top, order, shared);
                var part = parts[slice];
                var results = outcomes[slice] = new WindowMaxScore.Outcome[part.Count];
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

        void Claim(int first)
        {
            for (var slice = first; slice < count; slice++)
            {
                if (Interlocked.Exchange(ref claimed[slice], 1) == 0)
                {
                    RunSlice(slice);
                }
            }
        }

        claimed[0] = 1;
        for (var t = 1; t < count; t++)
        {
            var first = t;
            _ = Task.Run(() => Claim(first));
        }

        RunSlice(0);
        Claim(1);
        // Every slice is claimed by now, each by a thread that is running it.
        done.Wait();
        failure?.Throw();

        var totals = new Totals();
        for (var leaf = 0; leaf < leaves.Count; leaf++)
        {
            // A segment split between slices counts as one: its matches and visits summed, then estimated once.
            var combined = default(WindowMaxScore.Outcome);
            var any = false;
            for (var slice = 0; slice < count; slice++)
            {
                for (var i = 0; i < parts[slice].Count; i++)
                {
                    if (parts[slice][i].Leaf == leaf)
                    {
                        var o = outcomes[slice][i];
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

        return new PrunedTopDocs(TopK.Merge(tops, k, totals.Hits), TotalIsEstimate: totals.Estimated, FullyScored: totals.Scored, Visited: totals.Visited, Clauses: clauses.Count, Slices: count);
    }

    /// <summary>
    /// The passages of all segments cut into <paramref name="count"/> contiguous ranges of about as many passages: for
    /// each, the pieces of segments it covers (segment index, first passage, end).
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
