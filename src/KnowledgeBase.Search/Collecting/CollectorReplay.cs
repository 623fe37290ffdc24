using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Collecting;

/// <summary>
/// Feeds ranked passages already found (with their scores) to a collector as if a search were seeing them: segment by
/// segment, in document order. A <see cref="DocumentCollector"/> replayed over every match of a search ends in the
/// state it would have reached during that search; over the top passages only, it counts those. Stateless.
/// </summary>
public static class CollectorReplay
{
    public static void Replay(IndexReader reader, IReadOnlyList<ScoreDoc> passages, ICollector collector)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(collector);
        var ordered = passages.OrderBy(p => p.Doc).ToArray();
        var leaves = reader.Leaves;
        var scorer = new ReplayScorer();
        var leaf = -1;
        foreach (var passage in ordered)
        {
            var at = ReaderUtil.SubIndex(passage.Doc, leaves);
            if (at != leaf)
            {
                leaf = at;
                collector.SetNextReader(leaves[leaf]);
                collector.SetScorer(scorer);
            }

            scorer.Doc = passage.Doc - leaves[leaf].DocBase;
            scorer.Score = passage.Score;
            collector.Collect(scorer.Doc);
        }
    }

    /// <summary>Hands the collector the score already known for the passage being replayed.</summary>
    private sealed class ReplayScorer : Scorer
    {
        public ReplayScorer()
            : base(null)
        {
        }

        public int Doc { get; set; }

        public float Score { get; set; }

        public override int DocID => Doc;

        public override int Freq => 1;

        public override float GetScore() => Score;

        public override int NextDoc() => throw new NotSupportedException("A replayed scorer is not iterated.");

        public override int Advance(int target) => throw new NotSupportedException("A replayed scorer is not iterated.");

        public override long GetCost() => 1;
    }
}
