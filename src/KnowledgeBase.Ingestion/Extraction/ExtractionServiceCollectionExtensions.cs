using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction.Html;
using KnowledgeBase.Ingestion.Extraction.Images;
using KnowledgeBase.Ingestion.Extraction.Ocr;
using KnowledgeBase.Ingestion.Extraction.OpenDocument;
using KnowledgeBase.Ingestion.Extraction.Pdf;
using KnowledgeBase.Ingestion.Extraction.Slides;
using KnowledgeBase.Ingestion.Extraction.Text;
using KnowledgeBase.Ingestion.Extraction.Word;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeBase.Ingestion.Extraction;

public static class ExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Every extractor (PDF, HTML, Word, plain text), the OCR engine and the <see cref="ExtractorSelector"/>, as
    /// singletons, with <see cref="ExtractionOptions"/> bound from the "Extraction" section and validated at start.
    /// </summary>
    public static IServiceCollection AddKnowledgeBaseExtraction(this IServiceCollection services)
    {
        services.AddOptions<ExtractionOptions>()
            .BindConfiguration(ExtractionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddLogging();
        services.TryAddSingleton<IOcrEngine, TesseractOcrEngine>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, PdfExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, HtmlExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, WordExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, TextExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, PowerPointExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, OdtExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, LegacyWordExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, ImageExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, EncryptedOfficeExtractor>());
        services.TryAddSingleton<ExtractorSelector>();
        return services;
    }
}
