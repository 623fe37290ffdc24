using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Core.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// Runs queued jobs with a number of parallel slots: the loop of the web host's worker, and of
/// <c>kb ingest</c>, which drains the queue itself when no app is running. Thread-safe.
/// </summary>
public sealed partial class JobQueueRunner
{
    private readonly JobStore _jobStore;
    private readonly JobProcessor _processor;
    private readonly JobSignal _signal;
    private readonly IOptions<IngestionOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JobQueueRunner> _logger;

    public JobQueueRunner(JobStore jobStore, JobProcessor processor, JobSignal signal, IOptions<IngestionOptions> options, TimeProvider time, ILogger<JobQueueRunner> logger)
    {
        _logger = logger;
        _jobStore = jobStore;
        _processor = processor;
        _signal = signal;
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Processes jobs until <paramref name="done"/> says so (checked between jobs and on every idle poll)
    /// or the token is cancelled.
    /// </summary>
    public Task RunAsync(Func<bool> done, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, parallelism)).Select(_ => RunSlotAsync(done, cancellationToken)));
    }

    private async Task RunSlotAsync(Func<bool> done, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !done())
        {
            JobInfo? job;
            try
            {
                job = _jobStore.ClaimNext(_time.GetUtcNow());
            }
            catch (SqliteException e)
            {
                // The catalog is busy or briefly unavailable: the slot must outlive it.
                LogClaimFailed(e);
                await Task.Delay(_options.Value.PollInterval, cancellationToken);
                continue;
            }

            if (job is null)
            {
                // Nothing runnable now (perhaps a retry waiting out its delay): wait for a signal or the poll.
                await _signal.WaitAsync(_options.Value.PollInterval, cancellationToken);
                continue;
            }

            await _processor.ProcessAsync(job, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take the next job from the catalog; retrying")]
    private partial void LogClaimFailed(Exception exception);
}
