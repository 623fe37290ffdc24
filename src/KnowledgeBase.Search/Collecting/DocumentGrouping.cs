using KnowledgeBase.Core.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Search.Collecting;

/// <summary>
/// Results grouped by document. Documents are ranked by their best passage in the ranked passage list (so
/// grouping keeps the ranking the evaluation measures), then — beyond that list — by their best raw score
/// (or by date when sorted so), as the <see cref="DocumentCollector"/> saw every match. Each document on the
/// page shows its best passages from the list, or else its best passages overall, which the collector kept
/// while it saw every match (it keeps as many per document as a group shows). Only the passages shown are
/// read from the stored fields. Stateless and thread-safe.
/// </summary>
public static class DocumentGrouping
{
    /// <summary>
    /// One page of groups. When the collector saw only the best passages, <c>counted</c> is one that saw every match,
    /// for each document's number of matching passages; without one, <c>countPage</c> counts them for the page's
    /// documents only (handed their ids) — a pruned search, which did not see every match.
    /// </summary>
    public static IReadOnlyList<DocumentGroup> PageOfGroups(
        IndexSearcher searcher,
        IReadOnlyList<ScoreDoc> rankedPassages,
        DocumentCollector collector,
        SearchSort sort,
        int page,
        int pageSize,
        int passagesPerDocument,
        Func<Document, float, SearchHit> toHit,
        DocumentCollector? counted = null,
        Func<IReadOnlyCollection<string>, DocumentCollector>? countPage = null)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(rankedPassages);
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(toHit);
        if (collector.PassagesKept < passagesPerDocument)
        {
            throw new ArgumentException($"The collector keeps {collector.PassagesKept} passages per document; a group shows {passagesPerDocument}.", nameof(collector));
        }

        var stats = collector.Documents(sort);
        var statsById = stats.ToDictionary(s => s.DocumentId, StringComparer.Ordinal);
        var listed = new Dictionary<string, List<ScoreDoc>>(StringComparer.Ordinal);
        var order = new List<string>();
        if (sort == SearchSort.Relevance)
        {
            var leaves = searcher.IndexReader.Leaves;
            var ids = new SortedDocValues?[leaves.Count];
            var scratch = new BytesRef();
            foreach (var scoreDoc in rankedPassages)
            {
                // The document id from doc values: no stored fields for passages that do not make the page.
                var leaf = ReaderUtil.SubIndex(scoreDoc.Doc, leaves);
                var values = ids[leaf] ??= leaves[leaf].AtomicReader.GetSortedDocValues(IndexFields.DocumentId);
                string id;
                if (values is not null)
                {
                    values.Get(scoreDoc.Doc - leaves[leaf].DocBase, scratch);
                    id = scratch.Utf8ToString();
                }
                else
                {
                    id = searcher.Doc(scoreDoc.Doc).Get(IndexFields.DocumentId, System.Globalization.CultureInfo.InvariantCulture);
                }

                if (!listed.TryGetValue(id, out var passages))
                {
                    listed[id] = passages = [];
                    order.Add(id);
                }

                if (passages.Count < passagesPerDocument)
                {
                    passages.Add(scoreDoc);
                }
            }
        }

        var seen = order.ToHashSet(StringComparer.Ordinal);
        order.AddRange(stats.Select(s => s.DocumentId).Where(seen.Add));

        var groups = new List<DocumentGroup>(pageSize);
        var onPage = order.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        counted ??= countPage?.Invoke(onPage);
        foreach (var id in onPage)
        {
            var passages = listed.TryGetValue(id, out var fromList) ? fromList : [];
            // How many matched: from the collector that saw every match, when the documents were rolled up from fewer.
            var matching = counted?.MatchingPassages(id) ?? (statsById.TryGetValue(id, out var s) ? s.MatchingPassages : passages.Count);
            // Best passages from the ranked list when it holds enough of them, else those the collector kept.
            var shown = passages.Count >= Math.Min(passagesPerDocument, matching) ? passages : collector.TopPassages(id).Take(passagesPerDocument);
            List<SearchHit> hits = [.. shown.Select(p => toHit(searcher.Doc(p.Doc), p.Score))];

            if (hits.Count == 0)
            {
                continue;
            }

            groups.Add(new DocumentGroup
            {
                DocumentId = id,
                Title = hits[0].Title,
                Kind = hits[0].Kind,
                Date = hits[0].Date,
                Score = hits[0].Score,
                Hits = hits,
                MatchingPassages = Math.Max(matching, hits.Count),
            });
        }

        return groups;
    }
}
