using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>Picks the extractor for a format among those registered. Thread-safe.</summary>
public sealed class ExtractorSelector
{
    private readonly IReadOnlyList<IDocumentExtractor> _extractors;

    public ExtractorSelector(IEnumerable<IDocumentExtractor> extractors)
    {
        _extractors = [.. extractors];
    }

    public IDocumentExtractor For(DocumentKind kind) =>
        _extractors.FirstOrDefault(e => e.CanExtract(kind))
        ?? throw new ExtractionException($"No extractor is available for {kind} files.");

    public Task<ExtractedDocument> ExtractAsync(string path, DocumentKind kind, CancellationToken cancellationToken) =>
        For(kind).ExtractAsync(path, cancellationToken);
}
