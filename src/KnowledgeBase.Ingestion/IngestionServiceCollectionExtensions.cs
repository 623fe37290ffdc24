using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Chunking;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Intake;
using KnowledgeBase.Ingestion.Intake.Addresses;
using KnowledgeBase.Ingestion.Isolation;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Catalog (the database and its document, job and setting stores), original store, intake, extraction
    /// (isolated as configured), chunking and job processing. The index itself (<c>IPassageIndex</c>) is
    /// registered by the search side.
    /// </summary>
    public static IServiceCollection AddKnowledgeBaseIngestion(this IServiceCollection services)
    {
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChunkingOptions>().BindConfiguration(ChunkingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKnowledgeBaseExtraction();
        services.AddSingleton(sp =>
        {
            var data = sp.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value;
            return new CatalogDatabase(data.Resolve(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.CatalogPath));
        });
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<SettingStore>();
        services.AddSingleton<Accounts.AccountStore>();
        services.AddSingleton<Accounts.TokenStore>();
        services.AddSingleton<Accounts.AuditStore>();
        services.AddSingleton<IndexIntentStore>();
        services.AddSingleton(sp =>
        {
            var data = sp.GetRequiredService<IOptions<KnowledgeBaseOptions>>().Value;
            return new OriginalStore(data.Resolve(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.OriginalsPath));
        });
        services.AddSingleton(sp => new PassageChunker(sp.GetRequiredService<IOptions<ChunkingOptions>>().Value));
        services.AddSingleton<JobSignal>();
        services.AddSingleton<WorkerHeartbeat>();
        services.AddSingleton<IndexCommitter>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<UrlImporter>();
        services.AddSingleton<StorageUsage>();
        services.AddSingleton(sp => new ImportAddressPolicy(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.AllowPrivateAddresses));
        services.AddHttpClient(UrlImporter.HttpClientName, client =>
            {
                // The importer's own deadline covers the whole download, body included.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("KnowledgeBase/1.0 (document import)");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new GuardedConnector(sp.GetRequiredService<ImportAddressPolicy>()).CreateHandler());
        services.AddSingleton<JobProcessor>();
        services.AddSingleton<JobQueueRunner>();
        services.AddSingleton<DocumentService>();
        services.AddSingleton<IndexReconciler>();
        services.AddSingleton<Backup.BackupWriter>();
        services.AddSingleton<InProcessExtractionRunner>();
        services.AddSingleton<IExtractionRunner>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IngestionOptions>>().Value;
            var command = options.Isolation == ExtractionIsolation.ChildProcess ? ResolveWorkerCommand(options) : null;
            if (command is null)
            {
                if (options.Isolation == ExtractionIsolation.ChildProcess)
                {
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IngestionServiceCollectionExtensions))
                        .LogWarning("No host to start extraction children from; extracting in-process (a runaway file cannot be stopped)");
                }

                return sp.GetRequiredService<InProcessExtractionRunner>();
            }

            return ActivatorUtilities.CreateInstance<ChildProcessExtractionRunner>(sp, command);
        });
        return services;
    }

    /// <summary>The background parts: seeds on first start, the worker, the inbox watcher.</summary>
    public static IServiceCollection AddKnowledgeBaseIngestionWorker(this IServiceCollection services)
    {
        services.AddHostedService<SeedImporter>();
        services.AddHostedService<IngestionBackgroundService>();
        services.AddSingleton<InboxWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxWatcher>());
        return services;
    }

    private static ExtractionWorkerCommand? ResolveWorkerCommand(IngestionOptions options) =>
        options.ChildHost is { Length: > 0 } configured
            ? ExtractionWorkerCommand.BesideThisAssembly(configured)
            : ExtractionWorkerCommand.CurrentHost();
}
