using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests;

/// <summary>The real ingestion services over a temporary data folder, extracting in-process.</summary>
public sealed class IngestionHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly bool _ownsData;

    /// <param name="settings">Configuration on top of the test defaults.</param>
    /// <param name="dataPath">An existing data folder to open (left in place on dispose); default: a new temporary one.</param>
    /// <param name="configure">Registrations on top of the real ones (a later registration wins).</param>
    public IngestionHarness(IDictionary<string, string?>? settings = null, string? dataPath = null, Action<IServiceCollection>? configure = null)
    {
        _ownsData = dataPath is null;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "kb-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        var values = new Dictionary<string, string?>
        {
            ["KnowledgeBase:DataPath"] = DataPath,
            ["KnowledgeBase:SeedsPath"] = string.Empty,
            ["Ingestion:Isolation"] = "InProcess",
            ["Ingestion:PollInterval"] = "00:00:00.100",
            ["Ingestion:RetryDelay"] = "00:00:00",
            ["Search:RefreshInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services.AddOptions<KnowledgeBaseOptions>().BindConfiguration(KnowledgeBaseOptions.SectionName);
        services.AddKnowledgeBaseSearch();
        services.AddKnowledgeBaseIngestion();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public string DataPath { get; }

    public IServiceProvider Services => _services;

    public IntakeService Intake => _services.GetRequiredService<IntakeService>();

    public DocumentStore Documents => _services.GetRequiredService<DocumentStore>();

    public JobStore Jobs => _services.GetRequiredService<JobStore>();

    public KnowledgeBase.Core.Search.ISearchService Search => _services.GetRequiredService<KnowledgeBase.Core.Search.ISearchService>();

    /// <summary>The originals stored for good: every file under <c>originals/</c> but its <c>tmp/</c> folder.</summary>
    public IEnumerable<string> KeptOriginals() =>
        Directory.EnumerateFiles(Path.Combine(DataPath, "originals"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}tmp{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    public Task<IntakeResult> AddTextAsync(string fileName, string text, IntakeMetadata? metadata = null) =>
        Intake.AddAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), fileName, "test", metadata);

    /// <summary>Runs queued jobs until none is left unfinished (or the time is up).</summary>
    public async Task DrainAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var runner = _services.GetRequiredService<JobQueueRunner>();
        await runner.RunAsync(() => Jobs.List(null, 0, 10_000).All(j => j.IsFinished), 2, cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (!_ownsData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS; the temp folder is cleaned eventually.
        }
    }
}
