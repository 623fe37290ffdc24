namespace KnowledgeBase.Core.Documents;

/// <summary>
/// A searchable unit of a document, about a paragraph long. <see cref="StartOffset"/> and
/// <see cref="EndOffset"/> are character offsets into the text of its page
/// (<see cref="Extraction.ExtractedPage.Text"/>), end exclusive.
/// </summary>
public sealed record Passage
{
    public required string DocumentId { get; init; }

    /// <summary>0-based position of the passage in the document.</summary>
    public required int Ordinal { get; init; }

    /// <summary>1-based page number (always 1 for formats without pages).</summary>
    public required int PageNumber { get; init; }

    public required string Text { get; init; }

    public int StartOffset { get; init; }

    public int EndOffset { get; init; }

    /// <summary>The heading the passage sits under, where the document has headings.</summary>
    public string? Section { get; init; }

    /// <summary>The passage's id in the index: document id and ordinal.</summary>
    public string Id => PassageIds.Create(DocumentId, Ordinal);
}
