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
/// ends in the same state (the index update replaces a document's passages as a whole). Thread-safe.
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

    public async Task<JobState> ProcessAsync(JobInfo job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var existing = _documentStore.FindByHash(job.ContentHash);
            if (existing is not null && existing.Id != job.DocumentId)
            {
                return Finish(job, JobState.Duplicate, $"Same content as \"{existing.Title}\" ({existing.Id}).", existing.Id);
            }

            var path = _store.PathOf(job.ContentHash);
            if (!File.Exists(path))
            {
                return Finish(job, JobState.Failed, "The stored original is missing from the data folder.");
            }

            var extracted = await _runner.RunAsync(path, job.Kind, cancellationToken);
            var previous = job.DocumentId is { } target ? _documentStore.Get(target) : null;
            var document = DocumentBuilder.Build(job, extracted, new FileInfo(path).Length, previous, _time.GetUtcNow());
            var passages = _chunker.Chunk(document.Id, DocumentBuilder.SearchablePages(extracted.Pages));
            if (passages.Count == 0)
            {
                return Finish(job, JobState.Failed, DocumentBuilder.NothingSearchable(extracted));
            }

            _jobStore.SetState(job.Id, JobState.Indexing, documentId: document.Id);
            _documentStore.Save(document, extracted.Pages, extracted.Warnings);
            _index.Upsert(document, passages);
            await _committer.CommitAsync(cancellationToken);
            LogIndexed(job.Id, document.Id, passages.Count, extracted.Pages.Count);
            var warnings = extracted.Warnings.Count > 0 ? string.Join(" ", extracted.Warnings) : null;
            return Finish(job, JobState.Done, warnings, document.Id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: back to the queue now rather than waiting for the next start.
            _jobStore.SetState(job.Id, JobState.Queued, "Interrupted by shutdown; will resume.");
            throw;
        }
        catch (ExtractionException e) when (e.IsPermanent)
        {
            return Finish(job, JobState.Failed, e.Message);
        }
        catch (ExtractionException e)
        {
            return RetryOrFail(job, e.Message);
        }
#pragma warning disable CA1031 // The worker must outlive any single job: unexpected errors are recorded on the job.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogUnexpected(e, job.Id);
            return RetryOrFail(job, $"Unexpected error: {e.Message}");
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobId} hit an unexpected error")]
    private partial void LogUnexpected(Exception exception, long jobId);
}
