namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// A lower bound of the k-th best score of a search shared by several threads (<see cref="MaxScoreSearch"/>), which
/// every thread may prune on: the highest k-th best score any thread has reached (its passages are some of the
/// search's), and — the threads' passages being disjoint — the lowest of the threads' ⌈k / threads⌉-th best scores
/// (together they hold at least k passages scoring that much; near the true k-th score when the threads' passages are
/// alike, while one thread's own k-th is only about the 2k-th of two). Only rises. Thread-safe (lock-free: the floats'
/// bits, the first raised by compare-exchange, each thread's rank score written by that thread only).
/// </summary>
internal sealed class SharedThreshold
{
    private static readonly int NegativeInfinity = BitConverter.SingleToInt32Bits(float.NegativeInfinity);

    private readonly int[] _ranks;
    private int _bits = NegativeInfinity;

    /// <param name="threads">The threads sharing the search (each publishing its <see cref="Rank"/>-th score).</param>
    public SharedThreshold(int threads = 1)
    {
        _ranks = new int[Math.Max(1, threads)];
        Array.Fill(_ranks, NegativeInfinity);
    }

    /// <summary>The threads sharing the search.</summary>
    public int Threads => _ranks.Length;

    /// <summary>The bound so far; −∞ before any.</summary>
    public float Value
    {
        get
        {
            var value = BitConverter.Int32BitsToSingle(Volatile.Read(ref _bits));
            if (_ranks.Length > 1)
            {
                var lowest = float.PositiveInfinity;
                for (var i = 0; i < _ranks.Length; i++)
                {
                    lowest = Math.Min(lowest, BitConverter.Int32BitsToSingle(Volatile.Read(ref _ranks[i])));
                }

                value = Math.Max(value, lowest);
            }

            return value;
        }
    }

    /// <summary>The rank whose score each thread publishes (<see cref="RaiseRank"/>): ⌈k / <see cref="Threads"/>⌉.</summary>
    public int Rank(int k) => (k + _ranks.Length - 1) / _ranks.Length;

    /// <summary>Publishes <paramref name="thread"/>'s <see cref="Rank"/>-th best score (only that thread calls it for itself).</summary>
    public void RaiseRank(int thread, float score)
    {
        if (score > BitConverter.Int32BitsToSingle(Volatile.Read(ref _ranks[thread])))
        {
            Volatile.Write(ref _ranks[thread], BitConverter.SingleToInt32Bits(score));
        }
    }

    /// <summary>Publishes a slice's k-th score: the value becomes it when higher.</summary>
    public void Raise(float score)
    {
        var seen = Volatile.Read(ref _bits);
        while (score > BitConverter.Int32BitsToSingle(seen))
        {
            var found = Interlocked.CompareExchange(ref _bits, BitConverter.SingleToInt32Bits(score), seen);
            if (found == seen)
            {
                return;
            }

            seen = found;
        }
    }
}
