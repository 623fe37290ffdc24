using KnowledgeBase.Core.Indexing;

namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// Coalesces index commits: callers that arrive while a commit runs share the next one, so parallel jobs
/// commit in batches rather than once per document. A caller returns only once its own writes are durable.
/// Thread-safe.
/// </summary>
public sealed class IndexCommitter : IDisposable
{
    private readonly IPassageIndex _index;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _requested;
    private long _committed;

    public IndexCommitter(IPassageIndex index)
    {
        _index = index;
    }

    /// <summary>Returns once everything written before the call is committed.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        var wanted = Interlocked.Increment(ref _requested);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref _committed) >= wanted)
            {
                return;
            }

            var upTo = Interlocked.Read(ref _requested);
            await _index.CommitAsync(cancellationToken);
            Interlocked.Exchange(ref _committed, upTo);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
