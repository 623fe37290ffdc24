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
/// <see cref="IndexReconciler"/>) and resumes jobs interrupted by a crash — retried with a back-off when that fails,
/// never stopping the host (<see cref="PrepareIndexAsync"/>) — then runs the
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
            await PrepareIndexAsync(stoppingToken);
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

    /// <summary>
    /// The start-up index work: the intents a full disk or a crash kept from the index are applied again, then an index
    /// written by an older analysis is rebuilt from the catalog, else the index is reconciled with it. One document
    /// that cannot be indexed is skipped by each step (and marked for re-ingestion); a failure of the step as a whole
    /// (the commit on a full disk, the catalog unreadable) does not stop the host: it is logged, reported by
    /// <c>/health</c> (<see cref="WorkerHeartbeat.StartupFailure"/>), and the whole work is tried again after
    /// <see cref="IngestionOptions.StartupRetryDelay"/>, doubled each time up to <see cref="IngestionOptions.StartupRetryMaxDelay"/>,
    /// until it succeeds or the host stops. Meanwhile searches answer from the last complete commit (a failed rebuild
    /// stays in rebuild mode: nothing half-rebuilt is ever committed, and the retry starts the rebuild over from the
    /// catalog), and uploads are accepted and wait in the queue, which runs only once this work has succeeded: no job
    /// races with a rebuild started over, and nothing accepted meanwhile is lost (the queue indexes it afterwards).
    /// </summary>
    private async Task PrepareIndexAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var step = "replay";
            try
            {
                // Deletes and edits a full disk or a crash kept from the index are applied again first.
                await _documents.ReplayIndexIntentsAsync(stoppingToken);
                if (_index.IsOutdated)
                {
                    step = "rebuild";
                    var rebuilt = await _documents.ReindexAllAsync(null, stoppingToken);
                    LogRebuilt(rebuilt.Documents, rebuilt.Passages, rebuilt.Skipped.Count);
                }
                else
                {
                    // Passages of documents the catalog lost go; documents the index lost come back.
                    step = "reconcile";
                    await _reconciler.ReconcileAsync(stoppingToken);
                }

                _heartbeat.StartupDone();
                if (attempt > 1)
                {
                    LogStartupRecovered(attempt);
                }

                return;
            }
            catch (Exception e) when (!(e is OperationCanceledException && stoppingToken.IsCancellationRequested))
            {
                var options = _options.Value;
                var delay = RetryDelay(options.StartupRetryDelay, options.StartupRetryMaxDelay, attempt);
                var retryAt = DateTimeOffset.UtcNow + delay;
                _heartbeat.StartupFailed(new WorkerStartupFailure(step, e.Message, attempt, retryAt));
                LogStartupFailed(e, step, attempt, delay);
                await Task.Delay(delay, stoppingToken);
            }
        }
    }

    /// <summary><paramref name="first"/> doubled for each attempt after the first, never more than <paramref name="max"/>.</summary>
    public static TimeSpan RetryDelay(TimeSpan first, TimeSpan max, int attempt)
    {
        var doublings = Math.Min(attempt - 1, 30);
        var ticks = first.Ticks * Math.Pow(2, doublings);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Index written by an older analysis rebuilt from the catalog: {Documents} documents, {Passages} passages, {Skipped} documents skipped (logged above; failed jobs on the jobs page)")]
    private partial void LogRebuilt(int documents, int passages, int skipped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion worker start-up: the {Step} step failed (attempt {Attempt}); the app keeps serving searches from the last complete commit, uploads wait in the queue, tried again in {Delay}")]
    private partial void LogStartupFailed(Exception exception, string step, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion worker start-up succeeded on attempt {Attempt}; the job queue starts")]
    private partial void LogStartupRecovered(int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion worker stopped")]
    private partial void LogStopped();
}
