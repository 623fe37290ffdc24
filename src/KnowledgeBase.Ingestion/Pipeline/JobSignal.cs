namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>Wakes the worker when a job is queued, so it does not wait for its next poll. Thread-safe.</summary>
public sealed class JobSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    public void Notify()
    {
        // Bounded: a burst of uploads needs one wake-up per idle worker slot, not thousands.
        if (_semaphore.CurrentCount < 64)
        {
            _semaphore.Release();
        }
    }

    /// <summary>Waits until notified or the timeout passes. True when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
