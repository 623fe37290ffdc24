namespace KnowledgeBase.Web.Api;

/// <summary>
/// The JSON of <c>GET /api/documents/{id}</c>: the document, where its original is, how many passages it has,
/// each page's extraction report, its warnings and its jobs.
/// </summary>
public sealed record DocumentDetailsResponse(
    DocumentResponse Document,
    string FileUrl,
    int Passages,
    IReadOnlyList<PageResponse> Pages,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<JobResponse> Jobs);
