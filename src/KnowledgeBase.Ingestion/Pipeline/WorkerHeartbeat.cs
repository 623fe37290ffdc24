namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>
/// Whether the ingestion worker is alive, for <c>/health</c>: <see cref="IngestionBackgroundService"/> beats it
/// on a timer of its own while its job queue runs (a long extraction does not stop the beat) and marks it stopped
/// when the queue ends, normally or not. Thread-safe.
/// </summary>
public sealed class WorkerHeartbeat
{
    /// <summary>How often the running worker beats.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private long _lastBeatTicks;
    private int _running;

    public WorkerHeartbeat(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>True between the worker's start and the end of its queue.</summary>
    public bool IsRunning => Volatile.Read(ref _running) != 0;

    /// <summary>When the worker last beat, or null if it never did.</summary>
    public DateTimeOffset? LastBeat => Interlocked.Read(ref _lastBeatTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Running, and beaten within <paramref name="timeout"/>.</summary>
    public bool IsAlive(TimeSpan timeout) => IsRunning && LastBeat is { } beat && _time.GetUtcNow() - beat <= timeout;

    public void Beat() => Interlocked.Exchange(ref _lastBeatTicks, _time.GetUtcNow().UtcTicks);

    internal void Started()
    {
        Volatile.Write(ref _running, 1);
        Beat();
    }

    internal void Stopped() => Volatile.Write(ref _running, 0);
}
