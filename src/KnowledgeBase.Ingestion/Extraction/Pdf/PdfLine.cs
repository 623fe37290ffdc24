namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>One line of a PDF page in reading order; <see cref="Region"/> numbers the layout region it came from.</summary>
internal sealed record PdfLine(string Text, double Left, double Right, double Baseline, double Size, int Region);
