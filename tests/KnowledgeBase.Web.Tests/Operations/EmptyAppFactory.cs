using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace KnowledgeBase.Web.Tests.Operations;

/// <summary>The app in memory over an empty data folder (no seeds), with extra settings.</summary>
public sealed class EmptyAppFactory(IReadOnlyDictionary<string, string>? settings = null) : WebAppFactory
{
    protected override string? SeedsPath => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
