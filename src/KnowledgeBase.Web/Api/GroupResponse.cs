using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Web.Models;

namespace KnowledgeBase.Web.Api;

/// <summary>A document in grouped results, with its best passages and how many more matched.</summary>
public sealed record GroupResponse(string DocumentId, string Title, DocumentKind Kind, DateOnly? Date, float Score, int MatchingPassages, int MorePassages, string DocumentUrl, IReadOnlyList<SearchHitResponse> Hits)
{
    public static GroupResponse From(DocumentGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new GroupResponse(
            group.DocumentId,
            group.Title,
            group.Kind,
            group.Date,
            group.Score,
            group.MatchingPassages,
            group.MorePassages,
            DocumentLinks.Details(group.DocumentId),
            [.. group.Hits.Select(SearchHitResponse.From)]);
    }
}
