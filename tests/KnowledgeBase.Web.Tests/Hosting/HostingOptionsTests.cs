using KnowledgeBase.Ingestion;
using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeBase.Web.Tests.Hosting;

/// <summary>The host reads its settings through the options classes: the worker switch and the data folder.</summary>
public sealed class HostingOptionsTests
{
    [Fact]
    public void RunWorker_False_LeavesTheIngestionWorkerOut()
    {
        using var running = new NoSeedsFactory(runWorker: null);
        using var switchedOff = new NoSeedsFactory(runWorker: "false");

        Assert.NotEmpty(IngestionHostedServices(running));
        Assert.Empty(IngestionHostedServices(switchedOff));
    }

    [Fact]
    public async Task AntiforgeryKeys_AreKeptInTheConfiguredDataFolder()
    {
        using var factory = new NoSeedsFactory(runWorker: null);
        using var client = factory.CreateClient();

        // The upload page carries an antiforgery token, which needs a key.
        await client.GetStringAsync("/upload");

        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(factory.DataPath, "keys"), "key-*.xml"));
    }

    private static List<string> IngestionHostedServices(WebAppFactory factory) =>
        [.. factory.Services.GetServices<IHostedService>()
            .Where(s => s.GetType().Assembly == typeof(IngestionOptions).Assembly)
            .Select(s => s.GetType().Name)];

    private sealed class NoSeedsFactory(string? runWorker) : WebAppFactory
    {
        protected override string? SeedsPath => null;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (runWorker is not null)
            {
                builder.UseSetting("Ingestion:RunWorker", runWorker);
            }
        }
    }
}
