using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Models;

public sealed record SimilarViewModel(DocumentInfo Document, Passage Source, IReadOnlyList<SearchHit> Hits, IReadOnlyDictionary<string, DocumentInfo> Documents);
