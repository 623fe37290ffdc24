namespace KnowledgeBase.Ingestion.Extraction.Ocr;

/// <summary>The outcome of OCR on one page: its text (NFC) when recognized, else a reason a person can read.</summary>
public sealed record OcrResult(OcrStatus Status, string Text, string? Reason = null)
{
    public static OcrResult Unavailable(string reason) => new(OcrStatus.Unavailable, string.Empty, reason);

    public static OcrResult Failed(string reason) => new(OcrStatus.Failed, string.Empty, reason);
}
