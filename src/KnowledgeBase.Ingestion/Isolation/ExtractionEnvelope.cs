using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>What the extraction child writes to its standard output: a document or an error.</summary>
internal sealed record ExtractionEnvelope
{
    public ExtractedDocument? Document { get; init; }

    public string? Error { get; init; }

    public bool Permanent { get; init; } = true;
}
