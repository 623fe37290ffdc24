using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Search.Evaluation;

/// <summary>
/// Runs a relevance collection through the production path: a temporary in-memory
/// <see cref="LuceneIndex"/> fed through <see cref="LuceneIndex.Upsert"/> (one document per passage, its
/// title as the document title), queries through <see cref="LuceneSearchService.Search"/> exactly as the
/// web search sends them (highlighting off). Not thread-safe; dispose to free the index.
/// </summary>
public sealed class RelevanceEvaluator : IDisposable
{
    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly LuceneSearchService _search;
    private readonly IReadOnlyList<RelevancePassage> _passages;
    private readonly double _commonTermShare;
    private readonly bool _pruning;

    /// <summary>Indexes <paramref name="passages"/>; searches rank with <paramref name="weights"/> (default: the production
    /// ones), <paramref name="commonTermShare"/> as <see cref="LuceneSearchService.CommonTermShare"/> and <paramref name="pruning"/> as
    /// <see cref="LuceneSearchService.Pruning"/> (default: the production ones).</summary>
    public RelevanceEvaluator(IReadOnlyList<RelevancePassage> passages, RankingWeights? weights = null, double commonTermShare = SearchOptions.DefaultCommonTermShare, bool pruning = SearchOptions.DefaultPruning)
    {
        ArgumentNullException.ThrowIfNull(passages);
        _passages = passages;
        _commonTermShare = commonTermShare;
        _pruning = pruning;
        _search = new LuceneSearchService(_index, weights ?? RankingWeights.Default) { CommonTermShare = commonTermShare, Pruning = pruning };
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < passages.Count; i++)
        {
            var id = DocumentIdOf(i);
            var passage = passages[i];
            _index.Upsert(
                new DocumentInfo
                {
                    Id = id,
                    Title = passage.Title,
                    Kind = DocumentKind.Text,
                    ContentHash = id,
                    ContentType = "text/plain",
                    FileName = passage.Id,
                    Source = "eval",
                },
                [new Passage { DocumentId = id, Ordinal = 0, PageNumber = 1, Text = passage.Text, EndOffset = passage.Text.Length }]);
        }

        _index.CommitAsync().GetAwaiter().GetResult();
        IndexTime = Stopwatch.GetElapsedTime(started);
    }

    public TimeSpan IndexTime { get; }

    public int PassageCount => _passages.Count;

    /// <summary>Removes every diacritic (đ → d), as <c>--strip-diacritics</c> asks: a user typing without accents.</summary>
    public static string StripDiacritics(string query) => VietnameseText.Fold(query);

    /// <summary>Runs each query and returns its top <paramref name="k"/> passages.</summary>
    public IReadOnlyList<RankedResult> Run(IReadOnlyList<RelevanceQuery> queries, bool stripDiacritics = false, int k = 10) =>
        Run(queries, _search, stripDiacritics, k);

    /// <summary>Runs each query ranked with other <paramref name="weights"/> over the same index (measurement).</summary>
    public IReadOnlyList<RankedResult> Run(IReadOnlyList<RelevanceQuery> queries, RankingWeights weights, bool stripDiacritics = false, int k = 10)
    {
        return Run(queries, new LuceneSearchService(_index, weights) { CommonTermShare = _commonTermShare, Pruning = _pruning }, stripDiacritics, k);
    }

    private List<RankedResult> Run(IReadOnlyList<RelevanceQuery> queries, LuceneSearchService search, bool stripDiacritics, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var size = Math.Clamp(k, 1, SearchRequest.MaxPageSize);
        var results = new List<RankedResult>(queries.Count);
        foreach (var query in queries)
        {
            var text = stripDiacritics ? StripDiacritics(query.Query) : query.Query;
            var started = Stopwatch.GetTimestamp();
            try
            {
                var found = search.Search(new SearchRequest { Query = text, PageSize = size, Highlight = false });
                var elapsed = Stopwatch.GetElapsedTime(started);
                results.Add(new RankedResult(query.Id, found.Hits.Select(h => PassageIdOf(h.DocumentId)).ToList(), found.Hits.Select(h => h.Score).ToList(), elapsed));
            }
            catch (QuerySyntaxException e)
            {
                results.Add(new RankedResult(query.Id, [], [], Stopwatch.GetElapsedTime(started), e.Message));
            }
        }

        return results;
    }

    public void Dispose() => _index.Dispose();

    private static string DocumentIdOf(int index) => index.ToString("x16", CultureInfo.InvariantCulture);

    private string PassageIdOf(string documentId) =>
        _passages[int.Parse(documentId, NumberStyles.HexNumber, CultureInfo.InvariantCulture)].Id;
}
