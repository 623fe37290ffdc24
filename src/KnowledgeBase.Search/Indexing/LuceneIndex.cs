using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Search.Analysis;
using KnowledgeBase.Search.Querying;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// The passage index: one <see cref="IndexWriter"/> (the only writer of the folder) and a near-real-time
/// <see cref="SearcherManager"/> refreshed after each commit and on a timer, never per request — except during a
/// rebuild (<see cref="BeginRebuild"/>): searches then keep the last complete view until the rebuild's commit. The timer
/// leaves passages added since the last commit to that commit (every caller commits after adding): a refresh flushes
/// the writer's buffer into a segment of its own, and during a bulk load that was a small segment every second, to be
/// merged again (docs/performance.md, "Issue 11: indexing CPU").
/// Thread-safe. Owns the directory it is given and disposes everything in order
/// (timer → writer threads → commit → searcher manager → writer → analyzer → directory → folder lock), each in its own step:
/// a commit that fails (a full disk) loses the pending writes but still releases the writer, the directory and
/// the folder lock, so the folder can be opened again in this process, and is logged, not thrown.
/// </summary>
public sealed partial class LuceneIndex : IPassageIndex, IIndexSnapshotSource, IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly DeferrableMergePolicy _mergePolicy = new();
    private readonly SearcherManager _searcherManager;
    private readonly Timer _refreshTimer;
    private readonly ILogger _logger;
    private readonly System.Threading.Lock _publish = new();
    private volatile bool _rebuilding;
    private int _disposed;
    private int _addedSinceCommit;
    private FolderLock? _folderLock;

    public LuceneIndex(LuceneDirectory directory, TimeSpan refreshInterval, int ramBufferMb = 64, ILogger<LuceneIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        _directory = directory;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _analyzer = IndexAnalyzers.Create();
        var config = new IndexWriterConfig(LuceneSettings.Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = Ranking.Similarity,
            RAMBufferSizeMB = ramBufferMb,
            // Lucene's tiered merges, held back during a bulk load that ends in a force-merge (DeferMerges).
            MergePolicy = _mergePolicy,
            // Keeps the last commit as before, and any commit a live backup holds (CopySnapshotTo).
            IndexDeletionPolicy = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()),
        };
        _writer = new IndexWriter(_directory, config);
        var written = IndexSchema.VersionOf(_writer.CommitData);
        IsOutdated = _writer.NumDocs > 0 && written != IndexSchema.Version;
        if (IsOutdated)
        {
            LogOutdated(written, IndexSchema.Version, _writer.NumDocs);
        }
        else
        {
            _writer.SetCommitData(IndexSchema.CommitData);
        }

        _searcherManager = new SearcherManager(_writer, applyAllDeletes: true, new RankingSearcherFactory());
        _refreshTimer = new Timer(_ => RefreshOnTimer(), null, refreshInterval, refreshInterval);
        LogOpened(_writer.NumDocs);
    }

    /// <summary>Opens (or creates) an index in a folder, by default with <see cref="SimpleFSDirectory"/> (see DESIGN.md: not MMap).</summary>
    /// <exception cref="IndexInUseException">Another process (or another index of this one) writes this folder.</exception>
    public static LuceneIndex OpenFolder(string path, TimeSpan refreshInterval, int ramBufferMb = 64, ILogger<LuceneIndex>? logger = null, IndexDirectoryKind kind = IndexDirectoryKind.SimpleFS) =>
        OpenFolder(
            path,
            folder => kind switch
            {
                IndexDirectoryKind.NIOFS => new NIOFSDirectory(folder),
                IndexDirectoryKind.MMap => new MMapDirectory(folder),
                IndexDirectoryKind.Positional => new PositionalFSDirectory(folder),
                IndexDirectoryKind.Mapped => new MappedDirectory(folder),
                _ => new SimpleFSDirectory(folder),
            },
            refreshInterval,
            ramBufferMb,
            logger);

    /// <summary>As the public <see cref="OpenFolder(string, TimeSpan, int, ILogger{LuceneIndex}?, IndexDirectoryKind)"/>, over the directory <paramref name="open"/> makes of the folder (tests wrap it to inject faults).</summary>
    internal static LuceneIndex OpenFolder(string path, Func<DirectoryInfo, LuceneDirectory> open, TimeSpan refreshInterval, int ramBufferMb = 64, ILogger<LuceneIndex>? logger = null)
    {
        System.IO.Directory.CreateDirectory(path);
        var folderLock = FolderLock.Acquire(path);
        LuceneDirectory? directory = null;
        try
        {
            directory = open(new DirectoryInfo(path));
            return new LuceneIndex(directory, refreshInterval, ramBufferMb, logger) { _folderLock = folderLock };
        }
        catch (LockObtainFailedException e)
        {
            // Lucene's own write.lock, held by a writer opened on this folder without the folder lock (a LuceneIndex built on a Directory).
            directory?.Dispose();
            folderLock.Dispose();
            throw new IndexInUseException(FolderLock.InUseMessage(path), e);
        }
        catch
        {
            directory?.Dispose();
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>An index in memory, for tests and <c>kb eval</c>.</summary>
    public static LuceneIndex InMemory() => new(new RAMDirectory(), TimeSpan.FromMinutes(10));

    public Analyzer Analyzer => _analyzer;

    /// <summary>Number of passages visible to searches right now.</summary>
    public int PassageCount
    {
        get
        {
            var searcher = _searcherManager.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searcherManager.Release(searcher);
            }
        }
    }

    public void Upsert(DocumentInfo document, IReadOnlyList<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passages);
        Add(document, passages);
    }

    public void Delete(string documentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        _writer.DeleteDocuments(new Term(IndexFields.DocumentId, documentId));
    }

    /// <summary>The ids of the documents with a live passage, uncommitted writes included (a reader of the writer, terms only).</summary>
    public IReadOnlyCollection<string> DocumentIds()
    {
        using var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        return IndexedDocumentIds.Of(reader);
    }

    /// <summary>
    /// Starts a rebuild: every passage removed, what is added next written under the current <see cref="IndexSchema"/>.
    /// The searchers are frozen first (under the lock every refresh takes), so no refresh can show the index half
    /// rebuilt; commits wait for <see cref="CompleteRebuildAsync"/>. Called again during a rebuild (its commit failed) it
    /// starts over: <see cref="IndexWriter.DeleteAll"/> drops whatever the failed attempt left buffered in the writer.
    /// </summary>
    public void BeginRebuild()
    {
        lock (_publish)
        {
            _rebuilding = true;
        }

        _writer.DeleteAll();
        _writer.SetCommitData(IndexSchema.CommitData);
        LogRebuildStarted();
    }

    /// <summary>
    /// Commits the rebuild and shows it to searches; the index is no longer outdated. When the commit throws (a full
    /// disk), the index stays in rebuild mode: nothing half-rebuilt is committed or shown, and the writer stays open for
    /// a rebuild started again (<see cref="BeginRebuild"/>), or for <see cref="Dispose"/>, which rolls it back.
    /// </summary>
    public Task CompleteRebuildAsync(CancellationToken cancellationToken = default)
    {
        if (!_rebuilding)
        {
            throw new InvalidOperationException("No rebuild was started.");
        }

        Volatile.Write(ref _addedSinceCommit, 0);
        _writer.Commit();
        lock (_publish)
        {
            _rebuilding = false;
            IsOutdated = false;
            _searcherManager.MaybeRefreshBlocking();
        }

        ReleaseDroppedMappings();
        return Task.CompletedTask;
    }

    /// <summary>
    /// True when the folder holds passages written under another <see cref="IndexSchema.Version"/>: searches
    /// would miss fields the current analysis relies on, until a rebuild from the catalog (<see cref="BeginRebuild"/>,
    /// re-adding every document, <see cref="CompleteRebuildAsync"/>) — the ingestion worker does it on start.
    /// </summary>
    public bool IsOutdated { get; private set; }

    /// <summary>True while a rebuild runs: searches answer from the index as it was before it.</summary>
    public bool IsRebuilding => _rebuilding;

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_rebuilding)
        {
            // Neither durable nor visible yet: the rebuild's commit takes these writes with it.
            return Task.CompletedTask;
        }

        // Cleared first: passages added while the commit runs set it again.
        Volatile.Write(ref _addedSinceCommit, 0);
        _writer.Commit();
        if (_mergePolicy.Deferring && Volatile.Read(ref _addedSinceCommit) != 0)
        {
            // A bulk load that ends in a force-merge (DeferMerges) goes on beside its commits: a refresh now would flush
            // what the writer threads added meanwhile into small segments of their own (two more a commit, each one a
            // flush's fixed cost and more to merge). Its passages are shown by the commit that finds nothing added
            // meanwhile: the load's last, or the force-merge's.
            return Task.CompletedTask;
        }

        lock (_publish)
        {
            if (!_rebuilding)
            {
                _searcherManager.MaybeRefreshBlocking();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Commits, holds that commit point (<see cref="SnapshotDeletionPolicy"/>) while its files are copied into
    /// <paramref name="folder"/> — writes and merges go on meanwhile — then prunes the copy of the documents not kept.
    /// During a rebuild it does not commit: the copy is the last complete commit (an outdated one is rebuilt by the
    /// restored app).
    /// </summary>
    public IndexSnapshotCopy CopySnapshotTo(string folder, Func<string, bool> keepDocument)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(keepDocument);
        if (!_rebuilding)
        {
            _writer.Commit();
        }

        var policy = (SnapshotDeletionPolicy)_writer.Config.IndexDeletionPolicy;
        var commit = policy.Snapshot();
        (int Files, long Bytes) copied;
        IDictionary<string, string> commitData;
        try
        {
            commitData = new Dictionary<string, string>(commit.UserData, StringComparer.Ordinal);
            copied = IndexSnapshots.CopyCommit(_directory, commit, folder);
        }
        finally
        {
            policy.Release(commit);
            _writer.DeleteUnusedFiles();
        }

        var (documents, removed) = IndexSnapshots.Prune(folder, keepDocument, _analyzer, commitData);
        LogSnapshotCopied(copied.Files, documents, removed, folder);
        return new IndexSnapshotCopy(copied.Files, copied.Bytes, documents, removed);
    }

    /// <summary>The segments of the index searches see now (each is searched on its own: term look-ups, scorers, pruning).</summary>
    public int SegmentCount => WithSearcher(searcher => searcher.IndexReader.Leaves.Count);

    /// <summary>
    /// Merges the index into at most <paramref name="maxSegments"/> segments (Lucene's force-merge: deleted passages
    /// dropped on the way), commits and shows the result. Passages added before the call are flushed and merged with
    /// the rest. Searches go on meanwhile on the segments as they were, and writes too (each caller's commits as
    /// usual; what is written during the merge may stay in segments of its own). Needs free disk up to the size of
    /// the index again: the old segments' files stay until the commit that follows the merge. Not during a rebuild,
    /// whose commit must come first. Blocks a thread of the pool for the merge (minutes at a million passages).
    /// </summary>
    public async Task<IndexOptimizeResult> OptimizeAsync(int maxSegments, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);
        if (_rebuilding)
        {
            throw new InvalidOperationException("The index is being rebuilt; optimize it once the rebuild is committed.");
        }

        var before = SegmentCount;
        var started = System.Diagnostics.Stopwatch.StartNew();
        LogOptimizeStarted(before, maxSegments);
        await Task.Run(() => _writer.ForceMerge(maxSegments, doWait: true), cancellationToken);
        var merged = started.Elapsed;
        await CommitAsync(cancellationToken);
        var after = SegmentCount;
        LogOptimized(before, after, started.Elapsed.TotalSeconds);
        ReleaseDroppedMappings();
        return new IndexOptimizeResult(before, after, merged, started.Elapsed);
    }

    /// <summary>
    /// After the whole index was replaced (a force-merge, a rebuild): with <see cref="MappedDirectory"/> the files of the
    /// segments merged away keep their disk space until their mappings are collected, which an idle app may not do for
    /// hours (a million passages: ~3.5 GB). A background collection now releases those no search holds any more
    /// (searches still running on the old reader keep theirs until a later collection). Ordinary merges are small and
    /// left to the collector's own pace.
    /// </summary>
    private void ReleaseDroppedMappings()
    {
        if (_directory is MappedDirectory)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: false);
        }
    }

    /// <summary>Runs <paramref name="action"/> with a searcher that is released afterwards; keep nothing from it.</summary>
    public T WithSearcher<T>(Func<IndexSearcher, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var searcher = _searcherManager.Acquire();
        try
        {
            return action(searcher);
        }
        finally
        {
            _searcherManager.Release(searcher);
        }
    }

    /// <summary>The timer's refresh: not while passages added since the last commit wait for it (see the class).</summary>
    private void RefreshOnTimer()
    {
        if (Volatile.Read(ref _addedSinceCommit) == 0)
        {
            Refresh();
        }
    }

    /// <summary>Makes uncommitted writes visible to searches without a commit (not during a rebuild).</summary>
    public void Refresh()
    {
        if (Volatile.Read(ref _disposed) != 0 || _rebuilding)
        {
            return;
        }

        try
        {
            lock (_publish)
            {
                // Checked again under the lock BeginRebuild takes: a refresh never runs once a rebuild has begun.
                if (!_rebuilding)
                {
                    _searcherManager.MaybeRefresh();
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // Raced with Dispose: nothing left to refresh.
        }
#pragma warning disable CA1031 // A timer callback must never take the process down: searches go on with the last good view.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRefreshFailed(e);
        }
    }

    /// <summary>
    /// Commits the pending writes and releases everything, one step after the other: a step that fails is logged
    /// and the next ones still run. Never throws: it runs when the host stops, and a final commit that fails (a full
    /// disk) must not turn a graceful stop into a crash. The writes it could not commit are lost here and recovered
    /// on the next start (the ingestion worker replays recorded intents, reconciles the index with the catalog and
    /// resumes interrupted jobs).
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        LogClosing();
        var failures = 0;
        Step("refresh timer", _refreshTimer.Dispose);
        Step("writer threads", StopWriterThreads);
        var rebuilding = _rebuilding;
        if (rebuilding)
        {
            // Committing now would leave a half-rebuilt index on disk: the last complete commit stays instead.
            LogRebuildInterrupted();
        }

        var committed = !rebuilding && Step("commit", _writer.Commit);
        Step("searcher manager", _searcherManager.Dispose);
        Step("writer", committed ? DisposeWriter : _writer.Rollback);
        Step("analyzer", _analyzer.Dispose);
        Step("directory", _directory.Dispose);
        Step("folder lock", () => _folderLock?.Dispose());
        if (!committed && !rebuilding)
        {
            LogFinalCommitLost();
        }

        if (failures == 0)
        {
            LogClosed();
            return;
        }

        LogClosedAfterFailures(failures);

        bool Step(string name, Action release)
        {
            try
            {
                release();
                return true;
            }
#pragma warning disable CA1031 // Each resource is released whatever the one before did; the failure is logged, never thrown (see above).
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogCloseStepFailed(name, e);
                failures++;
                return false;
            }
        }
    }

    /// <summary>
    /// Closes the writer; one that cannot close (it flushes and commits again) would keep Lucene's write.lock, so it
    /// is rolled back instead: what it could not write is lost, and the folder is free.
    /// </summary>
    private void DisposeWriter()
    {
        try
        {
            _writer.Dispose();
        }
        catch
        {
            _writer.Rollback();
            throw;
        }
    }

    private sealed class RankingSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new FilteringSearcher(reader) { Similarity = Ranking.Similarity };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passage index was written under schema {Written}, this version reads {Current}: its {Passages} passages will be rebuilt from the catalog")]
    private partial void LogOutdated(int written, int current, int passages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passage index rebuild started: searches answer from the previous index until it is committed")]
    private partial void LogRebuildStarted();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passage index closing during a rebuild: the rebuild is rolled back and the last complete commit kept (an index of an older analysis is rebuilt again on the next start)")]
    private partial void LogRebuildInterrupted();

    [LoggerMessage(Level = LogLevel.Information, Message = "Passage index optimize started: {Segments} segments, merging into at most {MaxSegments}")]
    private partial void LogOptimizeStarted(int segments, int maxSegments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passage index optimized: {Before} segments into {After} in {Seconds:0.0} s")]
    private partial void LogOptimized(int before, int after, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passage index opened with {Passages} passages")]
    private partial void LogOpened(int passages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Index snapshot copied: {Files} files, {Documents} documents ({Removed} unknown to the copied catalog removed) into {Folder}")]
    private partial void LogSnapshotCopied(int files, int documents, int removed, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passage index closing: committing pending writes")]
    private partial void LogClosing();

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the searcher failed; searches keep the previous view")]
    private partial void LogRefreshFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passage index closed")]
    private partial void LogClosed();

    [LoggerMessage(Level = LogLevel.Error, Message = "Passage index closing: the {Step} step failed; the next steps run all the same")]
    private partial void LogCloseStepFailed(string step, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Passage index closing: the final commit failed (a full disk?); the writes since the last commit are rolled back and recovered on the next start (recorded intents, reconciliation with the catalog, interrupted jobs)")]
    private partial void LogFinalCommitLost();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passage index closed after {Failures} failed steps (logged above); everything it held is released")]
    private partial void LogClosedAfterFailures(int failures);
}
