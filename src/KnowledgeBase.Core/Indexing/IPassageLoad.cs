using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Indexing;

/// <summary>
/// A bulk load of an <see cref="IPassageIndex"/> (<see cref="IPassageIndex.StartLoad"/>): documents handed one after
/// another, each replacing the document's passages as <see cref="IPassageIndex.Upsert"/> does; an index may add them in
/// the background on every core. Nothing is durable or visible before a commit. Not thread-safe: one producer.
/// </summary>
public interface IPassageLoad
{
    /// <summary>Hands a document over; may return before it is added (waits only while the index's queue is full).</summary>
    ValueTask AddAsync(DocumentInfo document, IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default);

    /// <summary>
    /// Completes once every document handed before the call is added, with those that could not be (passages of
    /// theirs added before the fault stay: delete them). Documents handed after the call may be added meanwhile.
    /// </summary>
    Task<IReadOnlyList<IndexLoadFault>> WhenAddedAsync();
}

/// <summary>A document a bulk load could not add, and why.</summary>
public sealed record IndexLoadFault(DocumentInfo Document, Exception Exception);

/// <summary>The load of an index that adds in the caller's thread: <see cref="IPassageIndex.Upsert"/> of each document in turn.</summary>
internal sealed class SequentialPassageLoad(IPassageIndex index) : IPassageLoad
{
    private readonly List<IndexLoadFault> _faults = [];

    public ValueTask AddAsync(DocumentInfo document, IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            index.Upsert(document, passages);
        }
#pragma warning disable CA1031 // Reported by WhenAddedAsync, as an index adding in the background reports it.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            _faults.Add(new IndexLoadFault(document, e));
        }

        return ValueTask.CompletedTask;
    }

    public Task<IReadOnlyList<IndexLoadFault>> WhenAddedAsync()
    {
        IReadOnlyList<IndexLoadFault> faults = [.. _faults];
        _faults.Clear();
        return Task.FromResult(faults);
    }
}
