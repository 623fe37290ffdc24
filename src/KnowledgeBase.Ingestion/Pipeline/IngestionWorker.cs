using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// The ingestion worker: resumes jobs interrupted by a crash, then runs queued jobs with the configured
/// parallelism (one per core by default). New jobs wake it at once; otherwise it polls.
/// </summary>
public sealed partial class IngestionWorker : BackgroundService
{
    private readonly CatalogStore _catalog;
    private readonly OriginalStore _store;
    private readonly JobProcessor _processor;
    private readonly JobSignal _signal;
    private readonly IOptions<IngestionOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IngestionWorker> _logger;

    public IngestionWorker(
        CatalogStore catalog,
        OriginalStore store,
        JobProcessor processor,
        JobSignal signal,
        IOptions<IngestionOptions> options,
        TimeProvider time,
        ILogger<IngestionWorker> logger)
    {
        _catalog = catalog;
        _store = store;
        _processor = processor;
        _signal = signal;
        _options = options;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and start serving) before the first heavy job.
        await Task.Yield();
        var resumed = _catalog.RequeueInterruptedJobs();
        var cleaned = _store.CleanTemporaryFiles();
        var parallelism = _options.Value.EffectiveParallelism;
        LogStarted(parallelism, resumed, cleaned);
        var slots = Enumerable.Range(0, parallelism).Select(_ => RunSlotAsync(stoppingToken));
        try
        {
            await Task.WhenAll(slots);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }

        LogStopped();
    }

    private async Task RunSlotAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var job = _catalog.ClaimNextJob(_time.GetUtcNow());
            if (job is null)
            {
                await _signal.WaitAsync(_options.Value.PollInterval, stoppingToken);
                continue;
            }

            await _processor.ProcessAsync(job, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion worker started: {Parallelism} parallel jobs, {Resumed} interrupted jobs resumed, {Cleaned} partial uploads removed")]
    private partial void LogStarted(int parallelism, int resumed, int cleaned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion worker stopped")]
    private partial void LogStopped();
}
