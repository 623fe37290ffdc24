using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Models;

/// <summary>The embedded PDF viewer: a document opened at a page with the query's words highlighted.</summary>
public sealed record ViewerViewModel(DocumentInfo Document, int Page, string? Query);
