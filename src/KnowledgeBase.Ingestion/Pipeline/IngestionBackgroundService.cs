using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// The ingestion worker of the web host (<c>Ingestion:RunWorker</c>), a background service: on start it rebuilds
/// an index written by an older analysis from the catalog (else reconciles the index with the catalog,
/// <see cref="IndexReconciler"/>) and resumes jobs interrupted by a crash, then runs the
/// job queue (<see cref="JobQueueRunner"/>) with the configured parallelism (one per core by default) until the
/// host stops. New jobs wake it at once; otherwise it polls.
/// </summary>
public sealed partial class IngestionBackgroundService : BackgroundService
{
    private readonly JobStore _jobStore;
    private readonly OriginalStore _store;
    private readonly JobQueueRunner _runner;
    private readonly IPassageIndex _index;
    private readonly DocumentService _documents;
    private readonly IndexReconciler _reconciler;
    private readonly IOptions<IngestionOptions> _options;
    private readonly WorkerHeartbeat _heartbeat;
    private readonly ILogger<IngestionBackgroundService> _logger;
    private int _cleaned;

    public IngestionBackgroundService(
        JobStore jobStore,
        OriginalStore store,
        JobQueueRunner runner,
        IPassageIndex index,
        DocumentService documents,
        IndexReconciler reconciler,
        IOptions<IngestionOptions> options,
        WorkerHeartbeat heartbeat,
        ILogger<IngestionBackgroundService> logger)
    {
        _jobStore = jobStore;
        _store = store;
        _runner = runner;
        _index = index;
        _documents = documents;
        _reconciler = reconciler;
        _options = options;
        _heartbeat = heartbeat;
        _logger = logger;
    }

    /// <summary>
    /// Removes the partial uploads a killed process left, then starts the worker. Done here, not in
    /// <see cref="ExecuteAsync"/> (which .NET 10 runs wholly in the background): the host starts hosted services one
    /// after the other and the web server last (ASP.NET Core's WebApplication), so no live upload's file is touched.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _cleaned = _store.CleanTemporaryFiles();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and start serving) before the first heavy job.
        await Task.Yield();
        var resumed = _jobStore.RequeueInterrupted();
        var parallelism = _options.Value.EffectiveParallelism;
        LogStarted(parallelism, resumed, _cleaned);
        _heartbeat.Started();
        using var beating = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var beat = BeatAsync(beating.Token);
        try
        {
            // Deletes and edits a full disk or a crash kept from the index are applied again first.
            await _documents.ReplayIndexIntentsAsync(stoppingToken);
            if (_index.IsOutdated)
            {
                var (documents, passages) = await _documents.ReindexAllAsync(null, stoppingToken);
                LogRebuilt(documents, passages);
            }
            else
            {
                // Passages of documents the catalog lost go; documents the index lost come back.
                await _reconciler.ReconcileAsync(stoppingToken);
            }

            await _runner.RunAsync(() => false, parallelism, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            _heartbeat.Stopped();
            await beating.CancelAsync();
            await beat;
        }

        LogStopped();
    }

    /// <summary>Beats the heartbeat until cancelled, whatever the job slots are busy with.</summary>
    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(WorkerHeartbeat.Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                _heartbeat.Beat();
            }
        }
        catch (OperationCanceledException)
        {
            // The worker stopped.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion worker started: {Parallelism} parallel jobs, {Resumed} interrupted jobs resumed, {Cleaned} partial uploads removed")]
    private partial void LogStarted(int parallelism, int resumed, int cleaned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index written by an older analysis rebuilt from the catalog: {Documents} documents, {Passages} passages")]
    private partial void LogRebuilt(int documents, int passages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion worker stopped")]
    private partial void LogStopped();
}
