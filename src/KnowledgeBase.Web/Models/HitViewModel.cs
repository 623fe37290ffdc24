using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Models;

/// <summary>One passage in the results, with its document's catalog entry (for the citation) and the query.</summary>
public sealed record HitViewModel(SearchHit Hit, DocumentInfo? Document, string Query);
