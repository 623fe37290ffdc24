using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Web.Tests.Operations;

/// <summary>The app in memory over an empty data folder (no seeds), with extra settings.</summary>
public sealed class EmptyAppFactory : WebAppFactory
{
    /// <summary>Configuration keys and values applied after the defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Changes to the app's services, applied after its own (e.g. an extractor that waits for the test).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override string? SeedsPath => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }
}
