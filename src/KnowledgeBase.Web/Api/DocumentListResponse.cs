namespace KnowledgeBase.Web.Api;

/// <summary>The JSON of <c>GET /api/documents</c>: how many there are, and one page of them.</summary>
public sealed record DocumentListResponse(int Total, int Offset, int Limit, IReadOnlyList<DocumentResponse> Documents);
