using System.Diagnostics;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Collecting;
using KnowledgeBase.Search.Highlighting;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Search.Suggesting;
using Lucene.Net.Search;

namespace KnowledgeBase.Search;

/// <summary>
/// Searches the passage index: parse → build → search (BM25 with accent and proximity boosts) → highlight.
/// Thread-safe; each call acquires and releases a near-real-time searcher.
/// </summary>
public sealed class LuceneSearchService : ISearchService, IDisposable
{
    /// <summary>Ranked passages read to order the documents of grouped results (beyond it, raw best scores).</summary>
    private const int GroupingDepth = 100;
    private const int MaxFacetValues = 30;
    private static readonly string[] FacetFields = [IndexFields.Kind, IndexFields.Year, IndexFields.Collection, IndexFields.Tags, IndexFields.Origin, IndexFields.Language];

    private readonly LuceneIndex _index;
    private readonly QueryBuilder _builder = new();
    private readonly PassageHighlighter _highlighter = new();

    public LuceneSearchService(LuceneIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
    }

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var parsed = UserQueryParser.Parse(request.Query);
        var query = _builder.Build(parsed);
        var filter = RequestFilters.Combine(QueryBuilder.BuildFilter(request, parsed), RequestFilters.Extra(request));
        var sort = request.Sort switch
        {
            SearchSort.DateDescending => new Sort(new SortField(IndexFields.DateSort, SortFieldType.INT32, reverse: true), SortField.FIELD_SCORE),
            SearchSort.DateAscending => new Sort(new SortField(IndexFields.DateSort, SortFieldType.INT32), SortField.FIELD_SCORE),
            _ => null,
        };

        return _index.WithSearcher(searcher =>
        {
            var wanted = request.GroupByDocument ? Math.Max(page * size * request.PassagesPerDocument, GroupingDepth) : page * size;
            var collector = request.IncludeFacets || request.GroupByDocument ? new DocumentCollector(FacetFields, scores: request.GroupByDocument) : null;
            var top = Collect(searcher, query, filter, sort, wanted, collector);
            var correction = request.SuggestCorrection ? QueryCorrector.Correct(searcher, request.Query, filter) : null;
            if (request.GroupByDocument)
            {
                var groups = DocumentGrouping.PageOfGroups(searcher, query, filter, top.ScoreDocs, collector!, request.Sort, page, size, Math.Max(1, request.PassagesPerDocument), (doc, score) => ToHit(doc, score, query, request.Highlight));
                return new SearchResults
                {
                    Query = request.Query,
                    TotalHits = top.TotalHits,
                    TotalDocuments = collector!.TotalDocuments,
                    Page = page,
                    PageSize = size,
                    Grouped = true,
                    Groups = groups,
                    Hits = [.. groups.SelectMany(g => g.Hits)],
                    Facets = request.IncludeFacets ? collector.Facets(MaxFacetValues) : [],
                    DidYouMean = correction,
                    Elapsed = Stopwatch.GetElapsedTime(started),
                };
            }

            var hits = new List<SearchHit>(size);
            for (var i = (page - 1) * size; i < top.ScoreDocs.Length; i++)
            {
                var scoreDoc = top.ScoreDocs[i];
                hits.Add(ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, query, request.Highlight));
            }

            return new SearchResults
            {
                Query = request.Query,
                TotalHits = top.TotalHits,
                TotalDocuments = collector?.TotalDocuments ?? 0,
                Page = page,
                PageSize = size,
                Hits = hits,
                Facets = collector is not null && request.IncludeFacets ? collector.Facets(MaxFacetValues) : [],
                DidYouMean = correction,
                Elapsed = Stopwatch.GetElapsedTime(started),
            };
        });
    }

    /// <summary>The ranked passages; with a document collector beside them, which sees every match once.</summary>
    private static TopDocs Collect(IndexSearcher searcher, Query query, Filter? filter, Sort? sort, int wanted, DocumentCollector? documents)
    {
        if (documents is null)
        {
            return sort is null
                ? searcher.Search(query, filter, wanted)
                : searcher.Search(query, filter, wanted, sort, doDocScores: true, doMaxScore: false);
        }

        ITopDocsCollector top = sort is null
            ? TopScoreDocCollector.Create(wanted, docsScoredInOrder: false)
            : TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        searcher.Search(query, filter, MultiCollector.Wrap((ICollector)top, documents));
        return top.GetTopDocs();
    }

    private SearchHit ToHit(Lucene.Net.Documents.Document doc, float score, Query query, bool highlight)
    {
        var text = doc.Get(IndexFields.Text, System.Globalization.CultureInfo.InvariantCulture);
        return PassageDocuments.ToHit(doc, score, highlight ? _highlighter.Highlight(query, text) : string.Empty);
    }

    public void Dispose()
    {
        _builder.Dispose();
        _highlighter.Dispose();
    }
}
