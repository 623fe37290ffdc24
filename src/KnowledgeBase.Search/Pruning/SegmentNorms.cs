using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// The shortest field length (norm, <see cref="ExactLengthBm25Similarity.ComputeNorm"/>) of each field in a
/// segment, read once per segment core and kept beside it: BM25 is highest for the shortest field, so it
/// bounds every term's score in that segment. Thread-safe.
/// </summary>
internal static class SegmentNorms
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, long>> Cache = new();

    /// <summary>The smallest norm of <paramref name="field"/> over the segment's documents (0 when it has none).</summary>
    public static long MinNorm(AtomicReader reader, string field)
    {
        var perField = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal));
        return perField.GetOrAdd(field, f => Read(reader, f));
    }

    private static long Read(AtomicReader reader, string field)
    {
        var norms = reader.GetNormValues(field);
        if (norms is null)
        {
            return 0;
        }

        var min = long.MaxValue;
        for (var doc = 0; doc < reader.MaxDoc && min > 0; doc++)
        {
            min = Math.Min(min, norms.Get(doc));
        }

        return min == long.MaxValue ? 0 : Math.Max(0, min);
    }
}
