namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>The words of one PDF page and what it took to read them.</summary>
internal sealed record PdfPageWords(IReadOnlyList<PdfWord> Words, int Tcvn3Letters, int VniLetters, int ActualTextSpans, bool HasInk);
