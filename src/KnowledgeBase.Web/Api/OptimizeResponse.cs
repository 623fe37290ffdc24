namespace KnowledgeBase.Web.Api;

/// <summary>The index merged by the running app: segments before and after, and how long it took (merge, commit, refresh).</summary>
public sealed record OptimizeResponse(int SegmentsBefore, int SegmentsAfter, double Seconds);
