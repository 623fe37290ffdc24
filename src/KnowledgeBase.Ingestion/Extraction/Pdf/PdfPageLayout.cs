namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>The lines of one PDF page in reading order, with the page's height for telling margins apart.</summary>
internal sealed record PdfPageLayout(IReadOnlyList<PdfLine> Lines, double Bottom, double Height, double Width = 0);
