using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Ingestion;
using KnowledgeBase.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeBase.Cli;

/// <summary>
/// The services a command needs, configured like the web app: <c>appsettings.json</c> beside kb, then
/// environment variables (<c>KnowledgeBase__DataPath</c>…), then <c>--data</c>.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? dataPath, bool verbose = false, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(dataPath))
        {
            builder.AddInMemoryCollection([new($"{KnowledgeBaseOptions.SectionName}:{nameof(KnowledgeBaseOptions.DataPath)}", Path.GetFullPath(dataPath))]);
        }

        configure?.Invoke(builder);
        var configuration = builder.Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging
                .AddConfiguration(configuration.GetSection("Logging"))
                .AddSimpleConsole(o => o.SingleLine = true)
                // Logs go to stderr so that --json output on stdout stays parseable.
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning)
                .AddFilter(l => verbose || l >= LogLevel.Warning));
        services.AddOptions<KnowledgeBaseOptions>().BindConfiguration(KnowledgeBaseOptions.SectionName);
        services.AddKnowledgeBaseSearch();
        services.AddKnowledgeBaseIngestion();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
