using System.Diagnostics;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Highlighting;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Querying;
using Lucene.Net.Search;

namespace KnowledgeBase.Search;

/// <summary>
/// Searches the passage index: parse → build → search (BM25 with accent and proximity boosts) → highlight.
/// Thread-safe; each call acquires and releases a near-real-time searcher.
/// </summary>
public sealed class LuceneSearchService : ISearchService, IDisposable
{
    private readonly LuceneIndex _index;
    private readonly QueryBuilder _builder;
    private readonly PassageHighlighter _highlighter = new();
    private readonly Lucene.Net.Search.Similarities.Similarity? _similarity;

    public LuceneSearchService(LuceneIndex index)
        : this(index, RankingWeights.Default)
    {
    }

    /// <summary>A service ranking with other weights than the production ones (measurement).</summary>
    public LuceneSearchService(LuceneIndex index, RankingWeights weights)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(weights);
        _index = index;
        _builder = new QueryBuilder(weights);
        var defaults = RankingWeights.Default;
        _similarity = weights.K1.Equals(defaults.K1) && weights.B.Equals(defaults.B) && weights.IdfPower.Equals(defaults.IdfPower) ? null : Ranking.SimilarityFor(weights);
    }

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var page = Math.Max(1, request.Page);
        var size = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var parsed = UserQueryParser.Parse(request.Query);
        var filter = QueryBuilder.BuildFilter(request, parsed);
        var sort = request.Sort switch
        {
            SearchSort.DateDescending => new Sort(new SortField(IndexFields.DateSort, SortFieldType.INT32, reverse: true), SortField.FIELD_SCORE),
            SearchSort.DateAscending => new Sort(new SortField(IndexFields.DateSort, SortFieldType.INT32), SortField.FIELD_SCORE),
            _ => null,
        };

        return _index.WithSearcher(shared =>
        {
            // Acronyms learned from the passages of this snapshot; built once per snapshot.
            var query = _builder.Build(parsed, shared.IndexReader, LearnedAcronyms.TableFor(shared.IndexReader));
            var searcher = _similarity is null ? shared : new IndexSearcher(shared.IndexReader) { Similarity = _similarity };
            var wanted = page * size;
            var top = sort is null
                ? searcher.Search(query, filter, wanted)
                : searcher.Search(query, filter, wanted, sort, doDocScores: true, doMaxScore: false);
            var hits = new List<SearchHit>(size);
            for (var i = (page - 1) * size; i < top.ScoreDocs.Length; i++)
            {
                var scoreDoc = top.ScoreDocs[i];
                var doc = searcher.Doc(scoreDoc.Doc);
                var text = doc.Get(IndexFields.Text, System.Globalization.CultureInfo.InvariantCulture);
                var fragment = request.Highlight ? _highlighter.Highlight(query, text) : string.Empty;
                hits.Add(PassageDocuments.ToHit(doc, scoreDoc.Score, fragment));
            }

            return new SearchResults
            {
                Query = request.Query,
                TotalHits = top.TotalHits,
                Page = page,
                PageSize = size,
                Hits = hits,
                Elapsed = Stopwatch.GetElapsedTime(started),
            };
        });
    }

    public void Dispose()
    {
        _builder.Dispose();
        _highlighter.Dispose();
    }
}
