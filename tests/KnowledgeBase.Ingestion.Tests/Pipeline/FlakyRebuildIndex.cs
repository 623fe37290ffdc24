using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>
/// The index whose rebuild commit meets a full disk <see cref="Failures"/> times (the rebuild's writes stay in the
/// inner index, uncommitted, as after a real failed commit), and whose next rebuild commit can be held until the test
/// has looked around (<see cref="Hold"/>). Everything else goes to the inner index. A fault-injecting wrapper.
/// </summary>
public sealed class FlakyRebuildIndex(IPassageIndex inner) : IPassageIndex
{
    public const string Message = "No space left on device";

    private int _failures;

    /// <summary>How many more rebuild commits fail.</summary>
    public int Failures { get => Volatile.Read(ref _failures); set => Volatile.Write(ref _failures, value); }

    /// <summary>When set, a rebuild commit that does not fail waits for it first.</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Reports an index written by an older analysis until a rebuild completes (for an index that is not).</summary>
    public bool ForceOutdated { get; set; }

    public bool IsOutdated => ForceOutdated || inner.IsOutdated;

    public bool IsRebuilding => inner.IsRebuilding;

    public void Upsert(DocumentInfo document, IReadOnlyList<Passage> passages) => inner.Upsert(document, passages);

    public void UpsertMany(IReadOnlyList<(DocumentInfo Document, IReadOnlyList<Passage> Passages)> documents) => inner.UpsertMany(documents);

    public void Delete(string documentId) => inner.Delete(documentId);

    public IReadOnlyCollection<string> DocumentIds() => inner.DocumentIds();

    public void BeginRebuild() => inner.BeginRebuild();

    public async Task CompleteRebuildAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new IOException(Message);
        }

        Interlocked.Exchange(ref _failures, 0);
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        await inner.CompleteRebuildAsync(cancellationToken);
        ForceOutdated = false;
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => inner.CommitAsync(cancellationToken);
}
