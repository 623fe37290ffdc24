using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// Runs the extraction of one stored file under the configured limits. Throws
/// <see cref="ExtractionException"/> (with <see cref="ExtractionException.IsPermanent"/>) on failure.
/// </summary>
public interface IExtractionRunner
{
    Task<ExtractedDocument> RunAsync(string path, DocumentKind kind, CancellationToken cancellationToken);
}
