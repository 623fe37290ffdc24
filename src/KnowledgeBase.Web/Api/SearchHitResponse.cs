using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Web.Models;

namespace KnowledgeBase.Web.Api;

public sealed record SearchHitResponse(
    string DocumentId,
    string PassageId,
    string Title,
    DocumentKind Kind,
    int Page,
    int Ordinal,
    string Text,
    string Fragment,
    float Score,
    DateOnly? Date,
    string? Section,
    string Url,
    string DocumentUrl)
{
    public static SearchHitResponse From(SearchHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return new SearchHitResponse(
            hit.DocumentId,
            hit.PassageId,
            hit.Title,
            hit.Kind,
            hit.PageNumber,
            hit.Ordinal,
            hit.Text,
            hit.FragmentHtml,
            hit.Score,
            hit.Date,
            hit.Section,
            DocumentLinks.FileAtPage(hit.DocumentId, hit.Kind, hit.PageNumber),
            DocumentLinks.Details(hit.DocumentId));
    }
}
