using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Ingestion.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Intake;

/// <summary>
/// The one door for every file (upload, inbox, URL import, <c>kb ingest</c>, seeds): the original is stored
/// and its job written before this returns, so an acknowledged file is never lost. Files of an unknown
/// format, empty files and files over the size limit are refused here with a clear reason. Thread-safe.
/// </summary>
public sealed partial class IntakeService
{
    private readonly OriginalStore _store;
    private readonly DocumentStore _documentStore;
    private readonly JobStore _jobStore;
    private readonly JobSignal _signal;
    private readonly IOptions<IngestionOptions> _options;
    private readonly ILogger<IntakeService> _logger;

    public IntakeService(OriginalStore store, DocumentStore documentStore, JobStore jobStore, JobSignal signal, IOptions<IngestionOptions> options, ILogger<IntakeService> logger)
    {
        _store = store;
        _documentStore = documentStore;
        _jobStore = jobStore;
        _signal = signal;
        _options = options;
        _logger = logger;
    }

    public long MaxBytes => (long)_options.Value.MaxFileMb * 1024 * 1024;

    /// <exception cref="IntakeException">The file is refused (format, size, empty).</exception>
    public Task<IntakeResult> AddAsync(Stream content, string fileName, string source, IntakeMetadata? metadata = null, CancellationToken cancellationToken = default) =>
        AddAsync(content, fileName, source, metadata, null, cancellationToken);

    /// <summary>
    /// As <see cref="AddAsync(Stream, string, string, IntakeMetadata?, CancellationToken)"/>, storing at most
    /// <paramref name="allowanceBytes"/> (what is left of the user's storage quota; null: no quota): a larger file is
    /// refused with <see cref="IntakeError.QuotaExceeded"/> and nothing is kept.
    /// </summary>
    /// <exception cref="IntakeException">The file is refused (format, size, empty, quota).</exception>
    public async Task<IntakeResult> AddAsync(Stream content, string fileName, string source, IntakeMetadata? metadata, long? allowanceBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        metadata ??= new IntakeMetadata();
        CheckMetadata(metadata);
        fileName = CleanFileName(fileName);
        var stored = await SaveAsync(content, allowanceBytes, cancellationToken);
        if (stored.SizeBytes == 0)
        {
            ForgetUnreferenced(stored.ContentHash);
            throw new IntakeException(IntakeError.Empty, "The file is empty.");
        }

        var kind = await FormatDetector.DetectAsync(stored.Path, fileName, cancellationToken);
        if (kind is null)
        {
            ForgetUnreferenced(stored.ContentHash);
            throw new IntakeException(
                IntakeError.UnsupportedFormat,
                $"'{fileName}' is not a PDF, Word (.docx, .doc), OpenDocument (.odt), PowerPoint (.pptx), image (PNG, JPEG, TIFF), HTML or plain-text file; other formats are not accepted.");
        }

        var existing = _documentStore.FindByHash(stored.ContentHash);
        if (existing is not null)
        {
            var duplicate = _jobStore.Create(stored.ContentHash, kind.Value, fileName, source, metadata, JobState.Duplicate, existing.Id, $"Same content as \"{existing.Title}\" ({existing.Id}).");
            LogDuplicate(fileName, existing.Id);
            return new IntakeResult(duplicate);
        }

        var active = _jobStore.FindActiveByHash(stored.ContentHash);
        if (active is not null)
        {
            var duplicate = _jobStore.Create(stored.ContentHash, kind.Value, fileName, source, metadata, JobState.Duplicate, null, $"Same content as job {active.Id} ({active.FileName}), already queued.");
            LogDuplicateOfJob(fileName, active.Id);
            return new IntakeResult(duplicate);
        }

        // A URL imported before by the same account keeps its document id: the new content becomes its next version.
        // Only theirs: an address is no secret, and taking it would hand anyone another user's document — its content
        // replaced, its visibility and owner theirs (audit 2026-12-08).
        var target = metadata.SourceUrl is { } url ? _documentStore.FindBySourceUrl(url, metadata.AddedBy)?.Id : null;
        var job = _jobStore.Create(stored.ContentHash, kind.Value, fileName, source, metadata, JobState.Queued, target);
        LogQueued(job.Id, fileName, kind.Value);
        _signal.Notify();
        return new IntakeResult(job);
    }

    /// <exception cref="IntakeException">The quota would be exceeded: <paramref name="allowanceBytes"/> is below both the file and the file limit.</exception>
    public static void CheckAllowance(long size, long? allowanceBytes)
    {
        if (allowanceBytes is { } allowance && size > allowance)
        {
            throw QuotaExceeded(allowance);
        }
    }

    private async Task<StoredOriginal> SaveAsync(Stream content, long? allowanceBytes, CancellationToken cancellationToken)
    {
        if (allowanceBytes is not { } allowance || allowance >= MaxBytes)
        {
            return await _store.SaveAsync(content, MaxBytes, cancellationToken);
        }

        try
        {
            return await _store.SaveAsync(content, Math.Max(0, allowance), cancellationToken);
        }
        catch (IntakeException e) when (e.Error == IntakeError.TooLarge)
        {
            throw QuotaExceeded(allowance);
        }
    }

    private static IntakeException QuotaExceeded(long allowance) => new(
        IntakeError.QuotaExceeded,
        $"The file would exceed your storage quota ({Math.Max(0, allowance) / (1024.0 * 1024):0.#} MB left).");

    public async Task<IntakeResult> AddFileAsync(string path, string source, IntakeMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return await AddAsync(stream, Path.GetFileName(path), source, metadata, cancellationToken);
    }

    /// <exception cref="IntakeException">The title, author, collection or tags break <see cref="MetadataLimits"/>.</exception>
    public static void CheckMetadata(IntakeMetadata metadata)
    {
        if (MetadataLimits.Check(metadata) is { } problem)
        {
            throw new IntakeException(IntakeError.InvalidMetadata, problem);
        }
    }

    private static string CleanFileName(string fileName)
    {
        var name = Path.GetFileName(fileName?.Replace('\\', '/') ?? string.Empty).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return name.Length == 0 ? "unnamed" : name[..Math.Min(name.Length, 255)];
    }

    private void ForgetUnreferenced(string contentHash)
    {
        if (!_documentStore.IsHashReferenced(contentHash) && _jobStore.FindActiveByHash(contentHash) is null)
        {
            _store.Delete(contentHash);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued job {JobId} for {FileName} ({Kind})")]
    private partial void LogQueued(long jobId, string fileName, DocumentKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "{FileName} duplicates {Existing}")]
    private partial void LogDuplicate(string fileName, string existing);

    [LoggerMessage(Level = LogLevel.Information, Message = "{FileName} duplicates queued job {JobId}")]
    private partial void LogDuplicateOfJob(string fileName, long jobId);
}
