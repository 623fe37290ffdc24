using KnowledgeBase.Core.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Collecting;

/// <summary>
/// Results grouped by document: one pass over every match ranks the documents (by their best passage, or by
/// date) and counts facets; a second pass fetches the best passages of just the documents on the page.
/// Stateless and thread-safe.
/// </summary>
public static class DocumentGrouping
{
    public static IReadOnlyList<DocumentGroup> PageOfGroups(
        IndexSearcher searcher,
        Query query,
        Filter? filter,
        IReadOnlyList<DocumentStats> rankedDocuments,
        int page,
        int pageSize,
        int passagesPerDocument,
        Func<Document, float, SearchHit> toHit)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(rankedDocuments);
        ArgumentNullException.ThrowIfNull(toHit);
        var onPage = rankedDocuments.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        if (onPage.Count == 0)
        {
            return [];
        }

        // Second pass, one small search per document on the page: each gets its own best passages, however
        // many better passages another document has.
        var byDocument = new Dictionary<string, List<SearchHit>>(StringComparer.Ordinal);
        foreach (var stats in onPage)
        {
            var only = new TermsFilter(new Term(IndexFields.DocumentId, stats.DocumentId));
            var restricted = filter is null ? (Filter)only : new BooleanFilter
            {
                { only, Occur.MUST },
                { filter, Occur.MUST },
            };
            var top = searcher.Search(query, restricted, passagesPerDocument);
            byDocument[stats.DocumentId] = [.. top.ScoreDocs.Select(s => toHit(searcher.Doc(s.Doc), s.Score))];
        }

        var groups = new List<DocumentGroup>(onPage.Count);
        foreach (var stats in onPage)
        {
            if (!byDocument.TryGetValue(stats.DocumentId, out var hits) || hits.Count == 0)
            {
                continue;
            }

            groups.Add(new DocumentGroup
            {
                DocumentId = stats.DocumentId,
                Title = hits[0].Title,
                Kind = hits[0].Kind,
                Date = hits[0].Date,
                Score = hits[0].Score,
                Hits = hits,
                MatchingPassages = stats.MatchingPassages,
            });
        }

        return groups;
    }
}
