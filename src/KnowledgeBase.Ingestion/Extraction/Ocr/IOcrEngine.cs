namespace KnowledgeBase.Ingestion.Extraction.Ocr;

/// <summary>Reads the text of one rendered PDF page. Implementations are thread-safe.</summary>
public interface IOcrEngine
{
    /// <summary>
    /// Renders page <paramref name="pageNumber"/> (1-based) of the PDF and reads it. Never throws for a bad page
    /// or a missing program: the result says <see cref="OcrStatus.Unavailable"/> or <see cref="OcrStatus.Failed"/>.
    /// </summary>
    Task<OcrResult> RecognizePdfPageAsync(string pdfPath, int pageNumber, CancellationToken cancellationToken);
}
