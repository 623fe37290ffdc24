using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Ingestion;
using KnowledgeBase.Search;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.SectionName);
        services.AddKnowledgeBaseSearch();
        services.AddKnowledgeBaseIngestion();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>
    /// Opens the index for writing in this process; false when another process (the running app) holds it, in
    /// which case the command stops or talks to the app through its API.
    /// </summary>
    public static bool TryHoldIndex(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<LuceneIndex>();
            return true;
        }
        catch (IndexInUseException)
        {
            return false;
        }
    }

    /// <summary>The running app's address: <c>--server</c>, else <see cref="ServerOptions.Url"/>.</summary>
    public static string ServerUrl(IServiceProvider services, string? option) =>
        option ?? services.GetRequiredService<IOptions<ServerOptions>>().Value.Url;

    /// <summary>Tells that the app holds the index, for commands that cannot go through its API.</summary>
    public static async Task<int> IndexInUseAsync(string command)
    {
        await Console.Error.WriteLineAsync($"kb: the index is in use by the running app; stop it, then run kb {command} again.");
        return 1;
    }
}
