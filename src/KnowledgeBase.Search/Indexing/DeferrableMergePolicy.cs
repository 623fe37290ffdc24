using Lucene.Net.Index;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// Lucene's <see cref="TieredMergePolicy"/> (its defaults), whose natural merges — those a flush or a commit asks for —
/// can be held back while a bulk load that ends in a force-merge runs (<see cref="LuceneIndex.DeferMerges"/>): each
/// passage is then merged once, by the force-merge, instead of two or three times during the load (segments of ~10
/// segments, then of those, ...) and once more at the end. A force-merge merges every segment in one pass
/// (<see cref="TieredMergePolicy.MaxMergeAtOnceExplicit"/> <see cref="MaxForceMergeAtOnce"/>, where Lucene merges 30 at a time and then the
/// results again). What the index holds is the same either way; only how it is cut into segments on the way differs
/// (docs/performance.md, "Issue 11: merges held back during a bulk load that ends in a force-merge").
/// </summary>
internal sealed class DeferrableMergePolicy : TieredMergePolicy
{
    private int _deferred;

    /// <summary>Segments a force-merge merges at once: a million passages loaded with a commit every 10,000 leave ~200.</summary>
    public const int MaxForceMergeAtOnce = 1000;

    public DeferrableMergePolicy()
    {
        // Not int.MaxValue: Lucene adds the segment count asked for to it.
        MaxMergeAtOnceExplicit = MaxForceMergeAtOnce;
    }

    /// <summary>Whether natural merges are held back now.</summary>
    public bool Deferring => Volatile.Read(ref _deferred) > 0;

    public void Defer() => Interlocked.Increment(ref _deferred);

    /// <summary>Ends one <see cref="Defer"/>; true when no other holds merges back any more.</summary>
    public bool Resume() => Interlocked.Decrement(ref _deferred) == 0;

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos infos) =>
        Deferring ? null : base.FindMerges(mergeTrigger, infos);
}
