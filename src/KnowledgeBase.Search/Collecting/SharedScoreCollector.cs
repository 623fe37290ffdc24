using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Collecting;

/// <summary>
/// Feeds every match to several collectors that all read its score, computing the score once.
/// Lucene's <see cref="MultiCollector"/> hands each collector the raw scorer, so a ranked page that also
/// rolls passages up by document scored every match of a long question twice. Not thread-safe: one per search.
/// </summary>
public sealed class SharedScoreCollector : ICollector
{
    private readonly ICollector[] _collectors;

    public SharedScoreCollector(params ICollector[] collectors)
    {
        ArgumentNullException.ThrowIfNull(collectors);
        _collectors = collectors;
    }

    public bool AcceptsDocsOutOfOrder => _collectors.All(c => c.AcceptsDocsOutOfOrder);

    public void SetScorer(Scorer scorer)
    {
        var cached = new ScoreCachingWrappingScorer(scorer);
        foreach (var collector in _collectors)
        {
            collector.SetScorer(cached);
        }
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        foreach (var collector in _collectors)
        {
            collector.SetNextReader(context);
        }
    }

    public void Collect(int doc)
    {
        foreach (var collector in _collectors)
        {
            collector.Collect(doc);
        }
    }
}
