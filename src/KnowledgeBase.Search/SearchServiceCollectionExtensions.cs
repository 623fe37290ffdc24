using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The passage index (one writer, near-real-time searchers) and the search service, as singletons.</summary>
    public static IServiceCollection AddKnowledgeBaseSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            var data = sp.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value;
            return LuceneIndex.OpenFolder(data.Resolve(options.IndexPath), options.RefreshInterval, options.RamBufferMb, sp.GetRequiredService<ILogger<LuceneIndex>>(), options.Directory);
        });
        services.AddSingleton<IPassageIndex>(sp => sp.GetRequiredService<LuceneIndex>());
        services.AddSingleton<IIndexSnapshotSource>(sp => sp.GetRequiredService<LuceneIndex>());
        services.AddSingleton(sp => new LuceneSearchService(sp.GetRequiredService<LuceneIndex>())
        {
            FacetDepth = sp.GetRequiredService<IOptions<SearchOptions>>().Value.FacetDepth,
            CommonTermShare = sp.GetRequiredService<IOptions<SearchOptions>>().Value.CommonTermShare,
            Pruning = sp.GetRequiredService<IOptions<SearchOptions>>().Value.Pruning,
            ParallelSearch = sp.GetRequiredService<IOptions<SearchOptions>>().Value.ParallelSearch,
        });
        services.AddSingleton<ISearchService>(sp => sp.GetRequiredService<LuceneSearchService>());
        services.AddSingleton<ISuggestionService, Suggesting.SuggestionService>();
        services.AddSingleton<ISimilarPassagesService, Similar.SimilarPassagesService>();
        return services;
    }
}
