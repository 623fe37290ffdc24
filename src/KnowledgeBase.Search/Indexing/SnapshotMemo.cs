using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// Answers worked out from one index snapshot, kept with it: a snapshot's reader never changes, so an answer read
/// from it stays true for as long as searches use that reader, and goes away with it (a refresh that changed
/// something opens a new reader, which starts empty). At most <paramref name="capacity"/> answers a snapshot; past
/// that the snapshot's answers are dropped and gathered again, so memory stays bounded whatever the queries.
/// Thread-safe: two searches asking at once may both work an answer out, and one of them is kept.
/// </summary>
public sealed class SnapshotMemo<TValue>(int capacity)
{
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, TValue>> _tables = [];

    /// <summary>The answer for <paramref name="key"/> in <paramref name="reader"/>'s snapshot, worked out by <paramref name="compute"/> once.</summary>
    public TValue GetOrAdd<TState>(IndexReader reader, string key, TState state, Func<TState, TValue> compute)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        var table = _tables.GetValue(reader, _ => new ConcurrentDictionary<string, TValue>(StringComparer.Ordinal));
        if (table.TryGetValue(key, out var value))
        {
            return value;
        }

        value = compute(state);
        if (table.Count >= capacity)
        {
            table.Clear();
        }

        return table.GetOrAdd(key, value);
    }

    /// <summary>How many answers <paramref name="reader"/>'s snapshot holds (tests).</summary>
    public int CountFor(IndexReader reader) => _tables.TryGetValue(reader, out var table) ? table.Count : 0;
}
