namespace KnowledgeBase.Ingestion.Extraction.Ocr;

/// <summary>What came of an OCR attempt on one page.</summary>
public enum OcrStatus
{
    /// <summary>The page was read (the text may still be empty for a blank page).</summary>
    Recognized,

    /// <summary>OCR is switched off or its programs or language data are not installed here.</summary>
    Unavailable,

    /// <summary>The programs ran but failed or ran out of time on this page.</summary>
    Failed,
}
