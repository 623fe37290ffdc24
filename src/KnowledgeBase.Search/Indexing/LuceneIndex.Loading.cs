using System.Threading.Channels;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Search.Analysis;
using Lucene.Net.Index;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// The index's writer threads: one per core, started at the first bulk write and kept until <see cref="Dispose"/>, each
/// taking the next document from one queue, analysing it and handing its passages to the writer (one
/// <c>DocumentsWriterPerThread</c> each, so one segment in the making each). No thread waits for another between
/// documents — <see cref="UpsertMany"/> was a <c>Parallel.ForEach</c> over each batch, whose end both cores waited for
/// — and a commit made while they work is helped by them: Lucene has the writer threads flush the segments a commit
/// queued before they take their next document (docs/performance.md, "Issue 11: indexing on long-lived writer threads").
/// </summary>
public sealed partial class LuceneIndex
{
    private readonly System.Threading.Lock _writerThreadsLock = new();
    private Channel<LoadWork>? _work;
    private Thread[]? _writerThreads;

    /// <summary>
    /// Starts a bulk load: documents handed to it (<see cref="IndexLoad.AddAsync"/>) are added by the index's writer
    /// threads, in the background, as <see cref="Upsert"/> would add each; <see cref="IndexLoad.WhenAddedAsync"/> says
    /// when everything handed so far is in the writer (then commit, as after <see cref="Upsert"/>). One producer per load.
    /// </summary>
    public IndexLoad StartLoad() => new(this);

    IPassageLoad IPassageIndex.StartLoad() => StartLoad();

    /// <summary>
    /// Holds back Lucene's natural merges until the scope is disposed: for a bulk load that ends in a force-merge
    /// (<see cref="OptimizeAsync"/> inside the scope: <c>kb reindex</c>, <c>kb bench search --max-segments</c>). The
    /// segments each commit or full RAM buffer flushes then pile up unmerged (searches over them slow down meanwhile)
    /// and the force-merge merges them all in one pass, where the tiered merges would rewrite each passage two or three
    /// times during the load and the force-merge once more. Ending the last scope lets the merges the segments call for
    /// run again (<see cref="IndexWriter.MaybeMerge"/>): a scope left without a force-merge ends as without it.
    /// Scopes may overlap (merges resume when the last ends). The index is the same term for term either way.
    /// </summary>
    public IDisposable DeferMerges()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _mergePolicy.Defer();
        return new MergeDeferral(this);
    }

    private sealed class MergeDeferral(LuceneIndex index) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0 || !index._mergePolicy.Resume() || Volatile.Read(ref index._disposed) != 0)
            {
                return;
            }

            // The merges held back, now in the background (the merge scheduler's threads), as after any commit.
            index._writer.MaybeMerge();
        }
    }

    /// <summary>The passages of one document, replacing its old ones (delete, then add): what <see cref="Upsert"/> does, on any thread.</summary>
    private void Add(DocumentInfo document, IReadOnlyList<Passage> passages)
    {
        // Delete-then-add keeps it idempotent when a new version has fewer passages than the old one; a delete applies
        // to the passages added before it only, so each document's delete and adds stay on one thread, in this order.
        Volatile.Write(ref _addedSinceCommit, 1);
        _writer.DeleteDocuments(new Term(IndexFields.DocumentId, document.Id));
        var title = AnalysedText.Of(document.Title);
        var builder = PassageDocumentBuilder.ForThisThread;
        foreach (var passage in passages)
        {
            _writer.AddDocument(builder.Fields(document, title, passage));
        }

        Volatile.Write(ref _addedSinceCommit, 1);
    }

    private ChannelWriter<LoadWork> WriterThreads()
    {
        if (Volatile.Read(ref _work) is { } started)
        {
            return started.Writer;
        }

        lock (_writerThreadsLock)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (_work is null)
            {
                var cores = Math.Max(1, Environment.ProcessorCount);
                // A few documents a thread queued ahead: enough that the threads never wait for the producer's short
                // pauses (a catalog transaction of a batch), little enough that a caller's memory stays bounded.
                var work = Channel.CreateBounded<LoadWork>(new BoundedChannelOptions(64 * cores) { SingleReader = false, SingleWriter = false });
                var threads = new Thread[cores];
                for (var i = 0; i < cores; i++)
                {
                    threads[i] = new Thread(() => WriterThread(work.Reader)) { IsBackground = true, Name = $"kb-index-{i}" };
                    threads[i].Start();
                }

                _writerThreads = threads;
                Volatile.Write(ref _work, work);
            }

            return _work.Writer;
        }
    }

    private void WriterThread(ChannelReader<LoadWork> work)
    {
        while (true)
        {
            while (work.TryRead(out var item))
            {
                try
                {
                    Add(item.Document, item.Passages);
                }
#pragma warning disable CA1031 // The document's fault is its caller's to handle (UpsertMany throws it, a load reports it): the thread goes on with the next.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    item.Group.Fault(item.Document, e);
                }
                finally
                {
                    item.Group.Release();
                }
            }

            var more = work.WaitToReadAsync();
            if (!(more.IsCompleted ? more.Result : more.AsTask().GetAwaiter().GetResult()))
            {
                return;
            }
        }
    }

    /// <summary>Lets the writer threads finish what they were handed and stop (on <see cref="Dispose"/>, before the final commit).</summary>
    private void StopWriterThreads()
    {
        Thread[]? threads;
        lock (_writerThreadsLock)
        {
            _work?.Writer.TryComplete();
            threads = _writerThreads;
        }

        foreach (var thread in threads ?? [])
        {
            thread.Join();
        }
    }

    /// <summary>Hands one document to the writer threads, counted in <paramref name="group"/>; waits while their queue is full.</summary>
    internal ValueTask HandAsync(DocumentInfo document, IReadOnlyList<Passage> passages, LoadGroup group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passages);
        var work = WriterThreads();
        group.Hold();
        Volatile.Write(ref _addedSinceCommit, 1);
        var item = new LoadWork(document, passages, group);
        if (work.TryWrite(item))
        {
            return ValueTask.CompletedTask;
        }

        return WriteAsync(work, item, cancellationToken);

        static async ValueTask WriteAsync(ChannelWriter<LoadWork> work, LoadWork item, CancellationToken cancellationToken)
        {
            try
            {
                await work.WriteAsync(item, cancellationToken);
            }
            catch
            {
                item.Group.Release();
                throw;
            }
        }
    }

    private readonly record struct LoadWork(DocumentInfo Document, IReadOnlyList<Passage> Passages, LoadGroup Group);

    /// <summary>
    /// Documents handed together, counted until each is added: one count per document plus the producer's own, released
    /// when it asks to wait, so that the count cannot reach zero before the producer has handed its last document.
    /// </summary>
    internal sealed class LoadGroup
    {
        private readonly TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<IndexLoadFault> _faults = [];
        private int _pending = 1;

        public Task Added => _added.Task;

        public void Hold() => Interlocked.Increment(ref _pending);

        public void Release()
        {
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _added.TrySetResult();
            }
        }

        public void Fault(DocumentInfo document, Exception exception)
        {
            lock (_faults)
            {
                _faults.Add(new IndexLoadFault(document, exception));
            }
        }

        public IReadOnlyList<IndexLoadFault> Faults()
        {
            lock (_faults)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>
    /// Several documents at once, for bulk loads: handed to the index's writer threads (one per core), and returned once
    /// every one is in the writer. The same passages as <see cref="Upsert"/> one by one, in another order of documents.
    /// The documents must be distinct. A document that could not be added is thrown (<see cref="AggregateException"/>)
    /// once the others are in.
    /// </summary>
    public void UpsertMany(IReadOnlyList<(DocumentInfo Document, IReadOnlyList<Passage> Passages)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var group = new LoadGroup();
        foreach (var (document, passages) in documents)
        {
            var handed = HandAsync(document, passages, group, CancellationToken.None);
            if (!handed.IsCompletedSuccessfully)
            {
                handed.AsTask().GetAwaiter().GetResult();
            }
        }

        group.Release();
        group.Added.GetAwaiter().GetResult();
        if (group.Faults() is { Count: > 0 } faults)
        {
            throw new AggregateException(faults.Select(f => f.Exception));
        }
    }
}

/// <summary>
/// A bulk load (<see cref="LuceneIndex.StartLoad"/>): documents handed one after another to the index's writer threads, which add
/// them without waiting for each other or for the producer. Not thread-safe: one producer.
/// </summary>
public sealed class IndexLoad : IPassageLoad
{
    private readonly LuceneIndex _index;
    private LuceneIndex.LoadGroup _group = new();

    internal IndexLoad(LuceneIndex index)
    {
        _index = index;
    }

    /// <summary>Hands a document to the writer threads (it replaces the document's passages, as <see cref="LuceneIndex.Upsert"/>); waits only while their queue is full.</summary>
    public ValueTask AddAsync(DocumentInfo document, IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default) =>
        _index.HandAsync(document, passages, _group, cancellationToken);

    /// <summary>
    /// Completes once every document handed before the call is in the writer (not yet committed), with the documents
    /// among them that could not be added (their passages added before the fault stay: delete them). Documents
    /// handed after the call go on being added meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<IndexLoadFault>> WhenAddedAsync()
    {
        var group = _group;
        _group = new LuceneIndex.LoadGroup();
        group.Release();
        await group.Added.ConfigureAwait(false);
        return group.Faults();
    }
}
