using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Chunking;
using KnowledgeBase.Ingestion.Isolation;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// Takes one claimed job through extracting → indexing → done, or to failed with a reason, or back to the
/// queue with a delay for a transient failure. Idempotent: a job interrupted at any point and run again
/// ends in the same state (the index update replaces a document's passages as a whole). In two halves
/// (<see cref="ExtractAsync"/>, <see cref="IndexAsync"/>) so that the queue runner can index the documents of
/// several jobs in one batch and one commit. Thread-safe.
/// </summary>
public sealed partial class JobProcessor
{
    private readonly DocumentStore _documentStore;
    private readonly JobStore _jobStore;
    private readonly OriginalStore _store;
    private readonly IExtractionRunner _runner;
    private readonly PassageChunker _chunker;
    private readonly IPassageIndex _index;
    private readonly IndexCommitter _committer;
    private readonly IOptions<IngestionOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JobProcessor> _logger;

    public JobProcessor(
        DocumentStore documentStore,
        JobStore jobStore,
        OriginalStore store,
        IExtractionRunner runner,
        PassageChunker chunker,
        IPassageIndex index,
        IndexCommitter committer,
        IOptions<IngestionOptions> options,
        TimeProvider time,
        ILogger<JobProcessor> logger)
    {
        _documentStore = documentStore;
        _jobStore = jobStore;
        _store = store;
        _runner = runner;
        _chunker = chunker;
        _index = index;
        _committer = committer;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Takes the job to its end on its own: <see cref="ExtractAsync"/>, then <see cref="IndexAsync"/> as a batch of one.</summary>
    public async Task<JobState> ProcessAsync(JobInfo job, CancellationToken cancellationToken)
    {
        var extracted = await ExtractAsync(job, cancellationToken);
        return extracted.Ready is { } ready ? (await IndexAsync([ready], cancellationToken))[0] : extracted.State;
    }

    /// <summary>
    /// The first half of a job: the duplicate check, extraction and chunking. Nothing is written to the catalog's
    /// documents or to the index; the job stays <see cref="JobState.Extracting"/> until <see cref="IndexAsync"/> takes
    /// it (a crash meanwhile puts it back in the queue). A job that ends here (duplicate, failed, retried later)
    /// has its state set and no <see cref="ExtractedJob"/>.
    /// </summary>
    public async Task<ExtractionStep> ExtractAsync(JobInfo job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var existing = _documentStore.FindByHash(job.ContentHash);
            if (existing is not null && existing.Id != job.DocumentId)
            {
                return new(Finish(job, JobState.Duplicate, $"Same content as \"{existing.Title}\" ({existing.Id}).", existing.Id));
            }

            var path = _store.PathOf(job.ContentHash);
            if (!File.Exists(path))
            {
                return new(Finish(job, JobState.Failed, "The stored original is missing from the data folder."));
            }

            var extracted = await _runner.RunAsync(path, job.Kind, cancellationToken);
            var previous = job.DocumentId is { } target ? _documentStore.Get(target) : null;
            var document = DocumentBuilder.Build(job, extracted, new FileInfo(path).Length, previous, _time.GetUtcNow());
            var passages = _chunker.Chunk(document.Id, DocumentBuilder.SearchablePages(extracted.Pages));
            if (passages.Count == 0)
            {
                return new(Finish(job, JobState.Failed, DocumentBuilder.NothingSearchable(extracted)));
            }

            return new(JobState.Extracting, new ExtractedJob(job, document, extracted, passages));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: back to the queue now rather than waiting for the next start.
            _jobStore.SetState(job.Id, JobState.Queued, "Interrupted by shutdown; will resume.");
            throw;
        }
        catch (ExtractionException e) when (e.IsPermanent)
        {
            return new(Finish(job, JobState.Failed, e.Message));
        }
        catch (ExtractionException e)
        {
            return new(RetryOrFail(job, e.Message));
        }
#pragma warning disable CA1031 // The worker must outlive any single job: unexpected errors are recorded on the job.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogUnexpected(e, job.Id);
            return new(RetryOrFail(job, $"Unexpected error: {e.Message}"));
        }
    }

    /// <summary>
    /// The second half of several extracted jobs, as one batch: each job marked <see cref="JobState.Indexing"/> and
    /// its document saved in the catalog, then every document's passages handed to the index at once
    /// (<see cref="IPassageIndex.UpsertMany"/>, analysed on every core) and one commit, and only then each job
    /// <see cref="JobState.Done"/>. The order per job is the one-by-one order, so a crash at any point leaves each job
    /// indexing or done, never done with its passages uncommitted: an interrupted job is queued again on start and
    /// replaces its document's passages as a whole. The documents must be distinct. Returns each job's state, in order.
    /// </summary>
    public async Task<IReadOnlyList<JobState>> IndexAsync(IReadOnlyList<ExtractedJob> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var states = new JobState[batch.Count];
        var saved = new List<int>(batch.Count);
        try
        {
            if (!SaveAll(batch))
            {
                // One by one, so that a document the catalog refuses does not fail the others of the batch.
                for (var i = 0; i < batch.Count; i++)
                {
                    var (job, document, extracted, _) = batch[i];
                    try
                    {
                        _jobStore.SetState(job.Id, JobState.Indexing, documentId: document.Id);
                        _documentStore.Save(document, extracted.Pages, extracted.Warnings);
                        saved.Add(i);
                    }
#pragma warning disable CA1031 // One document the catalog refuses must not fail the others of the batch.
                    catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                    {
                        LogUnexpected(e, job.Id);
                        states[i] = RetryOrFail(job, $"Unexpected error: {e.Message}");
                    }
                }
            }
            else
            {
                saved.AddRange(Enumerable.Range(0, batch.Count));
            }

            if (saved.Count == 0)
            {
                return states;
            }

            _index.UpsertMany([.. saved.Select(i => (batch[i].Document, batch[i].Passages))]);
            await _committer.CommitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var i in saved)
            {
                _jobStore.SetState(batch[i].Job.Id, JobState.Queued, "Interrupted by shutdown; will resume.");
            }

            throw;
        }
#pragma warning disable CA1031 // The worker must outlive any single batch: unexpected errors are recorded on its jobs.
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var i in saved)
            {
                LogUnexpected(e, batch[i].Job.Id);
                states[i] = RetryOrFail(batch[i].Job, $"Unexpected error: {e.Message}");
            }

            return states;
        }

        var done = new List<(long Id, JobState State, string? Reason, string? DocumentId)>(saved.Count);
        foreach (var i in saved)
        {
            var (job, document, extracted, passages) = batch[i];
            LogIndexed(job.Id, document.Id, passages.Count, extracted.Pages.Count);
            var warnings = extracted.Warnings.Count > 0 ? string.Join(" ", extracted.Warnings) : null;
            done.Add((job.Id, JobState.Done, warnings, document.Id));
            states[i] = JobState.Done;
        }

        // One transaction for the batch's jobs (each was a sync of the catalog's log).
        _jobStore.SetStates(done);
        return states;
    }

    /// <summary>
    /// The batch's jobs marked <see cref="JobState.Indexing"/>, then its documents saved, each step in one catalog
    /// transaction (two syncs for the batch instead of two a job). False when the catalog refused (nothing of the
    /// batch's documents saved: the caller goes one by one to find the document it refuses).
    /// </summary>
    private bool SaveAll(IReadOnlyList<ExtractedJob> batch)
    {
        if (batch.Count == 1)
        {
            return false;
        }

        try
        {
            _jobStore.SetStates([.. batch.Select(b => (b.Job.Id, JobState.Indexing, (string?)null, (string?)b.Document.Id))]);
            _documentStore.SaveMany([.. batch.Select(b => (b.Document, (IReadOnlyList<ExtractedPage>)b.Extracted.Pages, b.Extracted.Warnings))]);
            return true;
        }
#pragma warning disable CA1031 // Retried one by one by the caller, which records what fails on its job.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogBatchSaveFailed(e, batch.Count);
            return false;
        }
    }

    private JobState RetryOrFail(JobInfo job, string reason)
    {
        var options = _options.Value;
        if (job.Attempts >= options.MaxAttempts)
        {
            return Finish(job, JobState.Failed, $"{reason} (gave up after {job.Attempts} attempts)");
        }

        var delay = options.RetryDelay * Math.Pow(2, Math.Max(0, job.Attempts - 1));
        _jobStore.SetState(job.Id, JobState.Queued, $"{reason} — will retry.", notBefore: _time.GetUtcNow() + delay);
        LogRetry(job.Id, delay.TotalSeconds, reason);
        return JobState.Queued;
    }

    private JobState Finish(JobInfo job, JobState state, string? reason, string? documentId = null)
    {
        _jobStore.SetState(job.Id, state, reason, documentId);
        if (state == JobState.Failed)
        {
            LogFailed(job.Id, job.FileName, reason);
        }

        return state;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: document {DocumentId} indexed, {Passages} passages from {Pages} pages")]
    private partial void LogIndexed(long jobId, string documentId, int passages, int pages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({FileName}) failed: {Reason}")]
    private partial void LogFailed(long jobId, string fileName, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} will retry in {Seconds} s: {Reason}")]
    private partial void LogRetry(long jobId, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Saving a batch of {Documents} documents in the catalog failed; saving them one by one")]
    private partial void LogBatchSaveFailed(Exception exception, int documents);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} hit an unexpected error")]
    private partial void LogUnexpected(Exception exception, long jobId);
}

/// <summary>A claimed job whose document is extracted and chunked, not yet in the catalog nor the index.</summary>
public sealed record ExtractedJob(JobInfo Job, DocumentInfo Document, ExtractedDocument Extracted, IReadOnlyList<Passage> Passages);

/// <summary>What <see cref="JobProcessor.ExtractAsync"/> left: the job's state, and when it goes on to the index, its document.</summary>
public sealed record ExtractionStep(JobState State, ExtractedJob? Ready = null);
