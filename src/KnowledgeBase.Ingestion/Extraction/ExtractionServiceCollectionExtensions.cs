using KnowledgeBase.Core.Extraction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KnowledgeBase.Ingestion.Extraction;

public static class ExtractionServiceCollectionExtensions
{
    /// <summary>Every extractor, and the selector that picks one by format.</summary>
    public static IServiceCollection AddKnowledgeBaseExtraction(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDocumentExtractor, TextExtractor>());
        services.TryAddSingleton<ExtractorSelector>();
        return services;
    }
}
