namespace KnowledgeBase.Web.Api;

/// <summary>Body of <c>POST /api/admin/optimize</c>: the most segments the index may keep (1 when left out).</summary>
public sealed record OptimizeRequest(int? MaxSegments);
