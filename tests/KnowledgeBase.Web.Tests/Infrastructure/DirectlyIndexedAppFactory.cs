using KnowledgeBase.Search.Indexing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeBase.Web.Tests.Infrastructure;

/// <summary>
/// An app whose passages a test writes straight into the index (<see cref="Index"/>), many more than the page reads
/// (<c>Search:FacetDepth</c> 1, pruning on), so that its search page is pruned. No seeds, and no ingestion worker: those
/// passages have no catalog rows, and the worker's start-up reconciliation would remove them as orphans while the test
/// runs (it did, now and then: "0 đoạn trong 0 tài liệu").
/// </summary>
public abstract class DirectlyIndexedAppFactory : WebAppFactory
{
    protected override string? SeedsPath => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Ingestion:RunWorker", "false");
        builder.UseSetting("Search:FacetDepth", "1");
        builder.UseSetting("Search:Pruning", "true");
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var index = host.Services.GetRequiredService<LuceneIndex>();
        Index(index);
        index.CommitAsync().GetAwaiter().GetResult();
        return host;
    }

    /// <summary>Writes the test's passages (committing as it likes); committed once more after it.</summary>
    protected abstract void Index(LuceneIndex index);
}
