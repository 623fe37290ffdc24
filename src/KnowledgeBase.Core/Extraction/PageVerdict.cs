namespace KnowledgeBase.Core.Extraction;

/// <summary>The verdict on a page's text, for staff to act on.</summary>
public enum PageVerdict
{
    /// <summary>Readable text, used as found.</summary>
    Ok,

    /// <summary>Readable after repair (legacy encoding converted).</summary>
    Repaired,

    /// <summary>Text produced by OCR.</summary>
    Ocr,

    /// <summary>Text is present but is not readable Vietnamese (e.g. a font with no Unicode map).</summary>
    Garbled,

    /// <summary>No text layer and OCR is not available here.</summary>
    NeedsOcr,

    /// <summary>Nothing on the page.</summary>
    Empty,

    /// <summary>Text produced by OCR that reads poorly (handwriting, a blurred photo): kept, but to be checked.</summary>
    OcrPoor,
}
