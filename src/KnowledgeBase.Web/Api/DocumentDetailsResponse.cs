using KnowledgeBase.Web.Models;

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
    IReadOnlyList<JobResponse> Jobs)
{
    public static DocumentDetailsResponse From(DocumentDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new DocumentDetailsResponse(
            DocumentResponse.From(details.Document),
            DocumentLinks.File(details.Document.Id),
            details.Passages.Count,
            [.. details.Pages.Select(p => new PageResponse(p.Number, p.Method, p.Quality, p.Verdict, p.Text.Length))],
            details.Warnings,
            [.. details.Jobs.Select(JobResponse.From)]);
    }
}
