namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// The searches in flight in this process (<see cref="LuceneSearchService.Search"/>): a search splits its pruned
/// scoring over idle cores only (<see cref="MaxScoreSearch"/>), so under concurrent searches each runs on its own thread
/// as before and nothing is added. Thread-safe.
/// </summary>
internal sealed class SearchLoad
{
    /// <summary>The process's searches.</summary>
    public static readonly SearchLoad Process = new();

    private int _inFlight;

    /// <summary>Searches begun and not yet ended.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>A search begins; dispose the result when it ends.</summary>
    public Scope Enter()
    {
        Interlocked.Increment(ref _inFlight);
        return new Scope(this);
    }

    /// <summary>
    /// The threads one search in flight may use: the cores the other searches in flight leave idle (itself counted in
    /// <see cref="InFlight"/>), at least 1 and at most <paramref name="most"/>.
    /// </summary>
    public int Threads(int processors, int most) => Math.Clamp(processors - Math.Max(0, InFlight - 1), 1, Math.Max(1, most));

    /// <summary>Ends a search once.</summary>
    public struct Scope(SearchLoad load) : IDisposable
    {
        private SearchLoad? _load = load;

        public void Dispose()
        {
            if (_load is not null)
            {
                Interlocked.Decrement(ref _load._inFlight);
                _load = null;
            }
        }
    }
}
