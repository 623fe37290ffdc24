using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Intake;

/// <summary>
/// On the very first start of a data folder, queues the sample documents of <c>seeds/</c> (with their
/// sidecar metadata). Remembered in the catalog, so a restart — or a seed deleted on purpose — never
/// brings them back.
/// </summary>
public sealed partial class SeedImporter : IHostedService
{
    internal const string SettingKey = "seeds.imported";
    private readonly IntakeService _intake;
    private readonly SettingStore _settingStore;
    private readonly IOptions<KnowledgeBaseOptions> _options;
    private readonly ILogger<SeedImporter> _logger;

    public SeedImporter(IntakeService intake, SettingStore settingStore, IOptions<KnowledgeBaseOptions> options, ILogger<SeedImporter> logger)
    {
        _intake = intake;
        _settingStore = settingStore;
        _options = options;
        _logger = logger;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = _options.Value.SeedsDirectory;
        if (folder is null || _settingStore.Get(SettingKey) is not null)
        {
            return;
        }

        if (!Directory.Exists(folder))
        {
            LogNoSeeds(folder);
            return;
        }

        var queued = 0;
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (SidecarMetadata.IsSidecar(file) || name.StartsWith('.') || name.Equals("README.md", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                var metadata = (SidecarMetadata.Read(file) ?? new IntakeMetadata()) with { AddedBy = "system" };
                await _intake.AddFileAsync(file, "seed", metadata, cancellationToken);
                queued++;
            }
            catch (IntakeException e)
            {
                LogSeedRefused(name, e.Message);
            }
        }

        _settingStore.Set(SettingKey, DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        LogSeeded(queued, folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} sample documents from {Folder}")]
    private partial void LogSeeded(int count, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "No seeds folder at {Folder}; starting empty")]
    private partial void LogNoSeeds(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed {Name} refused: {Reason}")]
    private partial void LogSeedRefused(string name, string reason);
}
