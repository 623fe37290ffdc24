using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// Answers worked out from one index snapshot, kept with it: a snapshot's reader never changes, so an answer read
/// from it stays true for as long as searches use that reader, and goes away with it (a refresh that changed
/// something opens a new reader, which starts empty). At most <paramref name="capacity"/> answers a snapshot; past
/// that the snapshot's answers are dropped and gathered again, so memory stays bounded whatever the queries.
/// Unless made with <paramref name="bypassable"/> false, <see cref="SnapshotMemoScope.Bypass"/> switches it off.
/// Thread-safe: two searches asking at once may both work an answer out, and one of them is kept.
/// </summary>
public sealed class SnapshotMemo<TValue>(int capacity, bool bypassable = true)
{
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<string, TValue>> _tables = [];

    /// <summary>The answer for <paramref name="key"/> in <paramref name="reader"/>'s snapshot, worked out by <paramref name="compute"/> once.</summary>
    public TValue GetOrAdd<TState>(IndexReader reader, string key, TState state, Func<TState, TValue> compute)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        if (bypassable && SnapshotMemoScope.Bypassing.Value)
        {
            return compute(state);
        }

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

/// <summary>Switches every <see cref="SnapshotMemo{TValue}"/> off for a flow of execution.</summary>
public sealed class SnapshotMemoScope : IDisposable
{
    internal static readonly AsyncLocal<bool> Bypassing = new();

    private readonly bool _before;

    private SnapshotMemoScope(bool before) => _before = before;

    /// <summary>
    /// Until the returned scope is disposed, every memo works each answer out again in this flow of execution (and
    /// the tasks it starts): <c>kb bench search</c> times answers as if first asked, not the repeats of its own passes.
    /// </summary>
    public static IDisposable Bypass()
    {
        var scope = new SnapshotMemoScope(Bypassing.Value);
        Bypassing.Value = true;
        return scope;
    }

    public void Dispose() => Bypassing.Value = _before;
}
