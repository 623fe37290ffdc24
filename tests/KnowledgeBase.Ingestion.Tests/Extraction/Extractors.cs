using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Extraction.Ocr;
using KnowledgeBase.Ingestion.Extraction.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Tests.Extraction;

/// <summary>Extractors wired as the service collection wires them, with options the test chooses.</summary>
internal static class Extractors
{
    public static PdfExtractor Pdf(ExtractionOptions? options = null)
    {
        options ??= new ExtractionOptions { EnableOcr = false };
        return new(Ocr(options), Options.Create(options), NullLogger<PdfExtractor>.Instance);
    }

    public static TesseractOcrEngine Ocr(ExtractionOptions options) =>
        new(Options.Create(options), NullLogger<TesseractOcrEngine>.Instance);
}
