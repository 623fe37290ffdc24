namespace KnowledgeBase.Search.Indexing;

/// <summary>What <see cref="LuceneIndex.OptimizeAsync"/> did: segments before and after, the merge's time and the whole (merge, commit, refresh).</summary>
public sealed record IndexOptimizeResult(int SegmentsBefore, int SegmentsAfter, TimeSpan MergeTime, TimeSpan TotalTime);
