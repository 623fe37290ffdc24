using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Api;

public sealed record DocumentListResponse(int Total, int Offset, int Limit, IReadOnlyList<DocumentInfo> Documents);
