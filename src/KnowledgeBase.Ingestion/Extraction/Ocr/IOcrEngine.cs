namespace KnowledgeBase.Ingestion.Extraction.Ocr;

/// <summary>Reads the text of one rendered PDF page. Implementations are thread-safe.</summary>
public interface IOcrEngine
{
    /// <summary>
    /// Renders page <paramref name="pageNumber"/> (1-based) of the PDF and reads it. Never throws for a bad page
    /// or a missing program: the result says <see cref="OcrStatus.Unavailable"/> or <see cref="OcrStatus.Failed"/>.
    /// </summary>
    Task<OcrResult> RecognizePdfPageAsync(string pdfPath, int pageNumber, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="RecognizePdfPageAsync(string, int, CancellationToken)"/>, for a page of the given size in
    /// points, so the rendering resolution can be chosen from it (<see cref="OcrResolution"/>).
    /// </summary>
    Task<OcrResult> RecognizePdfPageAsync(string pdfPath, int pageNumber, double widthPoints, double heightPoints, CancellationToken cancellationToken) =>
        RecognizePdfPageAsync(pdfPath, pageNumber, cancellationToken);

    /// <summary>
    /// Reads an image file Tesseract can open (PNG, PGM…) already sized for OCR. Never throws for a bad image or a
    /// missing program. Engines that read PDF pages only say <see cref="OcrStatus.Unavailable"/>.
    /// </summary>
    Task<OcrResult> RecognizeImageAsync(string imagePath, CancellationToken cancellationToken) =>
        Task.FromResult(OcrResult.Unavailable("this OCR engine reads PDF pages only"));
}
