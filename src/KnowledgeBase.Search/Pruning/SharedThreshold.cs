namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// The highest k-th best score any slice of a parallel search has reached (<see cref="MaxScoreSearch"/>): each slice's
/// k-th best score is a lower bound of the whole search's, so every slice may skip passages that cannot beat it. Only
/// rises. Thread-safe (lock-free: the float's bits, raised by compare-exchange).
/// </summary>
internal sealed class SharedThreshold
{
    private int _bits = BitConverter.SingleToInt32Bits(float.NegativeInfinity);

    /// <summary>The highest k-th score published so far; −∞ before any.</summary>
    public float Value => BitConverter.Int32BitsToSingle(Volatile.Read(ref _bits));

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
