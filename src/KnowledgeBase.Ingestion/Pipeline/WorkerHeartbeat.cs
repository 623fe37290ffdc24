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

    private StartupState _startup = new(false, null);

    /// <summary>
    /// True once the worker's start-up index work (intent replay, then rebuild or reconciliation) has succeeded and
    /// its job queue runs; false before, and while that work waits for a retry (<see cref="StartupFailure"/>).
    /// </summary>
    public bool IsReady => Volatile.Read(ref _startup).Ready;

    /// <summary>The last failure of the start-up index work while it waits to be tried again; null once it succeeded.</summary>
    public WorkerStartupFailure? StartupFailure => Volatile.Read(ref _startup).Failure;

    /// <summary>Recorded by the worker when its start-up index work failed and waits to be tried again.</summary>
    public void StartupFailed(WorkerStartupFailure failure) => Volatile.Write(ref _startup, new StartupState(false, failure));

    /// <summary>Recorded by the worker when its start-up index work succeeded.</summary>
    public void StartupDone() => Volatile.Write(ref _startup, new StartupState(true, null));

    private sealed record StartupState(bool Ready, WorkerStartupFailure? Failure);
}

/// <summary>Why the worker's start-up index work failed, how often in a row, and when it is tried again.</summary>
/// <param name="Step">What failed: <c>replay</c>, <c>rebuild</c> or <c>reconcile</c>.</param>
/// <param name="Error">The exception's message.</param>
/// <param name="Attempts">How many tries failed in a row.</param>
/// <param name="RetryAt">When the next try starts.</param>
public sealed record WorkerStartupFailure(string Step, string Error, int Attempts, DateTimeOffset RetryAt);
