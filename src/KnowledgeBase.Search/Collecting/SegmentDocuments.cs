using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeBase.Search.Collecting;

/// <summary>
/// What a grouped search needs of each document in one segment, read once from doc values and shared by every
/// search over the segment: per document-id ordinal its id, date and facet values. All passages of a document
/// carry the same metadata, so one live passage per document is read. Doc values opened through
/// <c>SimpleFSDirectory</c> are read from the file on every lookup; a long question matches most passages, and at
/// a million passages those reads were over a quarter of the search page's time. Keyed by the segment's core
/// (segments never change; a document's passages are replaced together, never some of them), so it goes away
/// with the segment. Thread-safe.
/// </summary>
public sealed class SegmentDocuments
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentDocuments>> Tables = [];

    private SegmentDocuments(int[] ordinals, string[] ids, int[] dates, string[][][] facets)
    {
        Ordinals = ordinals;
        Ids = ids;
        Dates = dates;
        Facets = facets;
    }

    /// <summary>The document-id ordinal of every passage (-1 where it has none): 4 bytes per passage.</summary>
    public int[] Ordinals { get; }

    /// <summary>Document id per ordinal.</summary>
    public string[] Ids { get; }

    /// <summary>Date (yyyyMMdd, 0 when unknown) per ordinal.</summary>
    public int[] Dates { get; }

    /// <summary>Per facet field (in the order asked for), the values of each ordinal's document.</summary>
    public string[][][] Facets { get; }

    /// <summary>The table of a segment, or null when the segment has no document ids.</summary>
    public static SegmentDocuments? For(AtomicReader reader, IReadOnlyList<string> facetFields)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(facetFields);
        if (reader.GetSortedDocValues(IndexFields.DocumentId) is null)
        {
            return null;
        }

        var byFields = Tables.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, SegmentDocuments>(StringComparer.Ordinal));
        return byFields.GetOrAdd(string.Join('\n', facetFields), _ => Read(reader, facetFields));
    }

    private static SegmentDocuments Read(AtomicReader reader, IReadOnlyList<string> facetFields)
    {
        var idValues = reader.GetSortedDocValues(IndexFields.DocumentId);
        var ordinals = new int[reader.MaxDoc];
        for (var doc = 0; doc < ordinals.Length; doc++)
        {
            ordinals[doc] = idValues.GetOrd(doc);
        }

        var count = idValues.ValueCount;

        // One passage per document: a live one where there is one.
        var representative = new int[count];
        Array.Fill(representative, -1);
        var live = reader.LiveDocs;
        for (var doc = 0; doc < ordinals.Length; doc++)
        {
            var ord = ordinals[doc];
            if (ord >= 0 && (representative[ord] < 0 || (live is not null && !live.Get(representative[ord]) && live.Get(doc))))
            {
                representative[ord] = doc;
            }
        }

        var scratch = new BytesRef();
        var ids = new string[count];
        var dates = new int[count];
        var dateValues = reader.GetNumericDocValues(IndexFields.DateSort);
        for (var ord = 0; ord < count; ord++)
        {
            idValues.LookupOrd(ord, scratch);
            ids[ord] = scratch.Utf8ToString();
            dates[ord] = dateValues is null || representative[ord] < 0 ? 0 : (int)dateValues.Get(representative[ord]);
        }

        var facets = new string[facetFields.Count][][];
        for (var f = 0; f < facets.Length; f++)
        {
            facets[f] = new string[count][];
            var values = reader.GetSortedSetDocValues(facetFields[f]);
            var names = new Dictionary<long, string>();
            for (var ord = 0; ord < count; ord++)
            {
                if (values is null || representative[ord] < 0)
                {
                    facets[f][ord] = [];
                    continue;
                }

                var found = new List<string>(1);
                values.SetDocument(representative[ord]);
                long valueOrd;
                while ((valueOrd = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    if (!names.TryGetValue(valueOrd, out var name))
                    {
                        values.LookupOrd(valueOrd, scratch);
                        name = names[valueOrd] = scratch.Utf8ToString();
                    }

                    found.Add(name);
                }

                facets[f][ord] = [.. found];
            }
        }

        return new SegmentDocuments(ordinals, ids, dates, facets);
    }
}
