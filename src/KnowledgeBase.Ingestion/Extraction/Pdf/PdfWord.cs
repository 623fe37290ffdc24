namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// A word on a PDF page in PDF user space (y grows upwards): its Unicode text (legacy runs converted,
/// <c>/ActualText</c> applied) and the text as the PDF's own maps give it.
/// </summary>
internal sealed record PdfWord(string Text, string RawText, double Left, double Right, double Baseline, double Size)
{
    public double Top => Baseline + (0.8 * Size);

    public double Bottom => Baseline - (0.25 * Size);
}
