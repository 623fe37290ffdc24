using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Web.Api;

public sealed record DocumentResponse(
    DocumentInfo Document,
    string FileUrl,
    int Passages,
    IReadOnlyList<PageResponse> Pages,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<JobInfo> Jobs);
