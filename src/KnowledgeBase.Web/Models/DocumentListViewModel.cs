using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Models;

public sealed record DocumentListViewModel(IReadOnlyList<DocumentInfo> Documents, int Total, int Page, int PageSize, string? Message)
{
    public int TotalPages => (Total + PageSize - 1) / PageSize;
}
