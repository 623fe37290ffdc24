using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Core.Jobs;
using System.Threading.Channels;
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
    /// or the token is cancelled. With <see cref="IngestionOptions.IndexBatchDocuments"/> above 1, the slots only
    /// extract: each extracted job goes to one indexing loop that writes whatever has piled up meanwhile as one batch
    /// (<see cref="JobProcessor.IndexAsync"/>: one <c>UpsertMany</c>, one commit), while the slots extract the next
    /// jobs; a slot waits only when that many extracted documents are already waiting.
    /// </summary>
    public async Task RunAsync(Func<bool> done, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        var slots = Math.Max(1, parallelism);
        var options = _options.Value;
        if (options.IndexBatchDocuments <= 1)
        {
            await Task.WhenAll(Enumerable.Range(0, slots).Select(_ => RunSlotAsync(done, null, cancellationToken)));
            return;
        }

        var extracted = Channel.CreateBounded<ExtractedJob>(new BoundedChannelOptions(options.IndexBatchDocuments) { SingleReader = true });
        var indexing = IndexLoopAsync(extracted, options.IndexBatchDocuments, options.IndexBatchPassages, cancellationToken);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, slots).Select(_ => RunSlotAsync(done, extracted.Writer, cancellationToken)));
        }
        finally
        {
            extracted.Writer.TryComplete();
            try
            {
                await indexing;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: what was not indexed goes back to the queue below.
            }
            finally
            {
                while (extracted.Reader.TryRead(out var left))
                {
                    _jobStore.SetState(left.Job.Id, JobState.Queued, "Interrupted by shutdown; will resume.");
                }
            }
        }
    }

    private async Task RunSlotAsync(Func<bool> done, ChannelWriter<ExtractedJob>? toIndex, CancellationToken cancellationToken)
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

            if (toIndex is null)
            {
                await _processor.ProcessAsync(job, cancellationToken);
                continue;
            }

            var step = await _processor.ExtractAsync(job, cancellationToken);
            if (step.Ready is { } ready)
            {
                try
                {
                    await toIndex.WriteAsync(ready, cancellationToken);
                }
                catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
                {
                    _jobStore.SetState(job.Id, JobState.Queued, "Interrupted by shutdown; will resume.");
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Indexes the extracted jobs as they come: everything waiting (up to the batch limits; a document already in the
    /// batch waits for the next one) in one <see cref="JobProcessor.IndexAsync"/>, then wakes the idle slots so that
    /// <c>done</c> is asked again. Ends when the slots are done and nothing is left.
    /// </summary>
    private async Task IndexLoopAsync(Channel<ExtractedJob> channel, int maxDocuments, int maxPassages, CancellationToken cancellationToken)
    {
        try
        {
            await IndexBatchesAsync(channel.Reader, maxDocuments, maxPassages, cancellationToken);
        }
        catch (Exception e)
        {
            // Never leave the slots waiting on a full channel nobody reads: their next write fails with this.
            channel.Writer.TryComplete(e);
            throw;
        }
    }

    private async Task IndexBatchesAsync(ChannelReader<ExtractedJob> reader, int maxDocuments, int maxPassages, CancellationToken cancellationToken)
    {
        ExtractedJob? carried = null;
        while (carried is not null || await reader.WaitToReadAsync(cancellationToken))
        {
            var batch = new List<ExtractedJob>();
            var documents = new HashSet<string>(StringComparer.Ordinal);
            var passages = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                documents.Add(carried.Document.Id);
                passages += carried.Passages.Count;
                carried = null;
            }

            while (batch.Count < maxDocuments && passages < maxPassages && reader.TryRead(out var next))
            {
                if (!documents.Add(next.Document.Id))
                {
                    carried = next;
                    break;
                }

                batch.Add(next);
                passages += next.Passages.Count;
            }

            await _processor.IndexAsync(batch, cancellationToken);
            _signal.Notify();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not take the next job from the catalog; retrying")]
    private partial void LogClaimFailed(Exception exception);
}
