using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// A web article, Word file or text opened at a passage: its clean text with that passage marked and the
/// query's words highlighted; the stored snapshot is one link away.
/// </summary>
public sealed record ReaderViewModel(DocumentInfo Document, IReadOnlyList<Passage> Passages, int? Passage, string? Query);
