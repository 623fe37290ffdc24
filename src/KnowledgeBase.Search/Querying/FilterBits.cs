using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// A filter whose passages are a bit set per segment: readable at random, so a filtered search keeps Lucene's bulk
/// scoring (<see cref="FilteringSearcher"/>) instead of stepping the query and the filter in turn. The bit set of a
/// segment is worked out once per segment core and filter (its <see cref="Key"/>) and kept while the segment lives
/// (deletions are applied on top at each search, as <see cref="CachingWrapperFilter"/> does). A segment keeps at most
/// <see cref="MaxSetsPerSegment"/> sets: the audiences and the few filters in use. Thread-safe.
/// </summary>
public sealed class FilterBits : Filter
{
    /// <summary>Distinct filters remembered per segment before the oldest are forgotten.</summary>
    public const int MaxSetsPerSegment = 64;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Entry>> Segments = new();

    private readonly Filter _inner;

    public FilterBits(Filter inner, string key)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        Key = key ?? throw new ArgumentNullException(nameof(key));
    }

    /// <summary>What the filter lets through, as text: two filters with the same key let the same passages through.</summary>
    public string Key { get; }

    /// <summary>The filter the bit sets are worked out from.</summary>
    public Filter Inner => _inner;

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = context.AtomicReader;
        var sets = Segments.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal));
        if (!sets.TryGetValue(Key, out var entry))
        {
            entry = Build(context);
            if (sets.Count >= MaxSetsPerSegment)
            {
                sets.Clear();
            }

            sets[Key] = entry;
        }

        if (entry.Set is null)
        {
            return null;
        }

        return acceptDocs is null ? entry.Set : new DenseFiltered(entry.Set, acceptDocs, entry.Count);
    }

    /// <summary>
    /// What a per-snapshot memo keys answers worked out within <paramref name="filter"/> by: empty for no filter, the
    /// <see cref="Key"/> of a <see cref="FilterBits"/>, null for any other filter (whose answers are not to be kept).
    /// </summary>
    internal static string? MemoKey(Filter? filter) => filter switch
    {
        null => string.Empty,
        FilterBits bits => bits.Key,
        _ => null,
    };

    /// <summary>The share of a segment's passages this filter lets through (deletions aside), 0 when none.</summary>
    internal static double Density(DocIdSet set, int maxDoc) =>
        maxDoc == 0 ? 0 : set switch
        {
            Counted counted => counted.Count / (double)maxDoc,
            DenseFiltered filtered => filtered.Count / (double)maxDoc,
            _ => 0,
        };

    public override string ToString() => "bits(" + Key + ")";

    public override bool Equals(object? obj) => obj is FilterBits other && other.Key == Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    private Entry Build(AtomicReaderContext context)
    {
        // Every passage of the segment, deleted or not: deletions change between searches, the segment does not.
        var iterator = _inner.GetDocIdSet(context, null)?.GetIterator();
        if (iterator is null)
        {
            return new Entry(null, 0);
        }

        var bits = new FixedBitSet(context.AtomicReader.MaxDoc);
        bits.Or(iterator);
        var count = bits.Cardinality;
        return count == 0 ? new Entry(null, 0) : new Entry(new Counted(bits, count), count);
    }

    private sealed record Entry(Counted? Set, int Count);

    /// <summary>A segment's bit set with the number of passages it holds.</summary>
    private sealed class Counted(FixedBitSet bits, int count) : DocIdSet
    {
        public int Count { get; } = count;

        public override IBits Bits => bits;

        public override bool IsCacheable => true;

        public override DocIdSetIterator GetIterator() => bits.GetIterator();
    }

    /// <summary>The bit set with the segment's deletions (or any other accepted passages) applied, still random access.</summary>
    private sealed class DenseFiltered(Counted set, IBits accepted, int count) : DocIdSet
    {
        public int Count { get; } = count;

        public override IBits Bits { get; } = new Both(set.Bits, accepted);

        public override DocIdSetIterator GetIterator() => new FilteredIterator(set.GetIterator(), accepted);
    }

    private sealed class Both(IBits first, IBits second) : IBits
    {
        public int Length => first.Length;

        public bool Get(int index) => first.Get(index) && second.Get(index);
    }

    private sealed class FilteredIterator(DocIdSetIterator inner, IBits accepted) : FilteredDocIdSetIterator(inner)
    {
        protected override bool Match(int doc) => accepted.Get(doc);
    }
}
