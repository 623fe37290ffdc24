using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Extraction;

/// <summary>
/// Turns one stored file into pages of clean text. Implementations are stateless and thread-safe.
/// Unreadable input throws <see cref="ExtractionException"/> with a reason a person can read.
/// </summary>
public interface IDocumentExtractor
{
    bool CanExtract(DocumentKind kind);

    Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken);
}
