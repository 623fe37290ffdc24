using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace KnowledgeBase.Search.Collecting;

/// <summary>
/// The document-id ordinal of every passage of a segment, read once from its doc values into an array and
/// shared by every search over that segment. Doc values opened through <c>SimpleFSDirectory</c> are read from
/// the file on each lookup (a buffer refill, often a system call, per miss), and a grouped search looks up
/// every matching passage: at 100k passages that was most of the search page's time. Segments never change,
/// so the table is keyed by the segment's core and goes away with it (4 bytes per passage). Thread-safe.
/// </summary>
public static class DocumentOrdinals
{
    private static readonly ConditionalWeakTable<object, int[]> Tables = [];

    /// <summary>Ordinal per segment document (-1 where it has none), or null when the segment has no document ids.</summary>
    public static int[]? For(AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetSortedDocValues(IndexFields.DocumentId) is null ? null : Tables.GetValue(reader.CoreCacheKey, _ => Read(reader));
    }

    private static int[] Read(AtomicReader reader)
    {
        var values = reader.GetSortedDocValues(IndexFields.DocumentId);
        var ordinals = new int[reader.MaxDoc];
        for (var doc = 0; doc < ordinals.Length; doc++)
        {
            ordinals[doc] = values.GetOrd(doc);
        }

        return ordinals;
    }
}
