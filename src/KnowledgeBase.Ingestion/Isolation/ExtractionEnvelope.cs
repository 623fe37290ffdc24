namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// One line of the extraction worker's protocol. Requests carry <see cref="Kind"/> and <see cref="Path"/>;
/// answers carry the document (as <see cref="Extraction.ExtractedDocumentJson"/> text) or an error.
/// </summary>
internal sealed record ExtractionEnvelope
{
    public string? Kind { get; init; }

    public string? Path { get; init; }

    public string? Document { get; init; }

    public string? Error { get; init; }

    public bool Permanent { get; init; } = true;
}
