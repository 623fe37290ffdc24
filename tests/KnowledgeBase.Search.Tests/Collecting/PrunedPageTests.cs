using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;
using Xunit.Abstractions;

namespace KnowledgeBase.Search.Tests.Collecting;

/// <summary>
/// The search page (grouped by document, facets) ranked through the pruned search (<see cref="LuceneSearchService.Pruning"/>):
/// the same page of documents — ids, order, passages shown, each document's number of matching passages — and the
/// same facets as scoring every match with the same <see cref="LuceneSearchService.FacetDepth"/>; only the totals become
/// estimates, and are marked so only when they are.
/// </summary>
public sealed class PrunedPageTests : IDisposable
{
    private const int Depth = 150;
    private static readonly string[] Vocabulary = GeneratedText.Vocabulary;
    private static readonly string[] Collections = ["Sở Tư pháp", "Sở Xây dựng", "UBND tỉnh", "Cục Thuế", "Bộ Y tế"];
    private static readonly DocumentKind[] Kinds = [DocumentKind.Pdf, DocumentKind.Html, DocumentKind.Word, DocumentKind.Text];

    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly Random _random = new(11_2026);
    private readonly ITestOutputHelper _output;
    private readonly LuceneSearchService _pruned;
    private readonly LuceneSearchService _exhaustive;

    /// <summary>Each document's visibility as last indexed (re-indexed documents take the default one).</summary>
    private readonly Dictionary<string, DocumentVisibility> _visibility = new(StringComparer.Ordinal);

    public PrunedPageTests(ITestOutputHelper output)
    {
        _output = output;
        _pruned = new LuceneSearchService(_index) { Pruning = true, FacetDepth = Depth };
        _exhaustive = new LuceneSearchService(_index) { Pruning = false, FacetDepth = Depth };
        var visibilities = Enum.GetValues<DocumentVisibility>();
        for (var batch = 0; batch < 4; batch++)
        {
            for (var d = 0; d < 200; d++)
            {
                var id = ((batch * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                // Documents of 1 to 12 passages: a document's passages can crowd the best ones, as at a million.
                var passages = Enumerable.Range(0, 1 + _random.Next(12)).Select(_ => Sentence(_random.Next(8, 90))).ToArray();
                var document = TestDocuments.Text(id, Sentence(_random.Next(2, 8))) with
                {
                    Kind = Kinds[_random.Next(Kinds.Length)],
                    Collection = Collections[_random.Next(Collections.Length)],
                    Date = _random.Next(6) == 0 ? null : new DateOnly(2010 + _random.Next(15), 1 + _random.Next(12), 1),
                    Tags = _random.Next(3) == 0 ? ["cchc"] : [],
                    Visibility = visibilities[_random.Next(visibilities.Length)],
                };
                _index.Upsert(document, TestDocuments.Passages(id, passages));
                _visibility[id] = document.Visibility;
            }

            // Deleted passages stay in the segment until merged: re-index a few documents of the previous batch.
            for (var d = 0; d < 10 && batch > 0; d++)
            {
                var id = (((batch - 1) * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                var again = TestDocuments.Text(id, Sentence(3));
                _index.Upsert(again, TestDocuments.Passages(id, Sentence(40), Sentence(15), Sentence(30)));
                _visibility[id] = again.Visibility;
            }

            _index.CommitAsync().GetAwaiter().GetResult();
        }

        // A word of three passages only.
        _index.Upsert(TestDocuments.Text("00000000000ff001", "Khoáng vật"), TestDocuments.Passages("00000000000ff001", "zircon " + Sentence(20), Sentence(10) + " zircon", "zircon"));
        _index.CommitAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void RandomQuestions_PrunedPage_IsTheExhaustivePage_OnlyTheTotalsEstimated()
    {
        var estimated = 0;
        for (var q = 0; q < 60; q++)
        {
            var request = new SearchRequest
            {
                Query = Question(),
                GroupByDocument = true,
                IncludeFacets = true,
                Highlight = false,
                PageSize = q % 4 == 0 ? 20 : 10,
                Page = q % 7 == 0 ? 2 : 1,
                PassagesPerDocument = q % 3 == 0 ? 1 : 3,
                Audience = q % 2 == 0 ? Audience.Everyone : Audience.Of(DocumentVisibility.Public),
            };

            var pruned = _pruned.Search(request);
            var exact = _exhaustive.Search(request);

            AssertSamePage(request, exact, pruned);
            Assert.False(exact.TotalHitsEstimated);
            if (pruned.TotalHitsEstimated)
            {
                estimated++;
                // Estimated only when the best passages are not every match; both totals stay plausible.
                Assert.True(exact.TotalHits > Depth, $"'{request.Query}': {exact.TotalHits} matches, estimated");
                Assert.True(pruned.FacetsEstimated);
                Assert.InRange(pruned.TotalHits, Depth, _index.WithSearcher(s => s.IndexReader.NumDocs));
                Assert.InRange(pruned.TotalDocuments, Math.Min(pruned.Groups.Count, 1), exact.TotalHits);
                // Never more documents than the caller may see: re-indexed documents counted once, other audiences' not at all.
                var visible = _visibility.Count(v => request.Audience.Sees(v.Value)) + 1;
                Assert.True(pruned.TotalDocuments <= visible, $"'{request.Query}': about {pruned.TotalDocuments} documents of {visible} visible");
            }
            else
            {
                Assert.Equal(exact.TotalHits, pruned.TotalHits);
                Assert.Equal(exact.TotalDocuments, pruned.TotalDocuments);
            }
        }

        _output.WriteLine($"{estimated} of 60 pages pruned");
        Assert.True(estimated >= 15, $"only {estimated} of 60 pages were pruned");
    }

    [Fact]
    public void FirstPage_SameDocumentsAsCountingEveryMatch()
    {
        var everyMatch = new LuceneSearchService(_index) { Pruning = false, FacetDepth = 0 };
        for (var q = 0; q < 20; q++)
        {
            var request = new SearchRequest { Query = Question(), GroupByDocument = true, IncludeFacets = true, Highlight = false, PageSize = 10, PassagesPerDocument = 3 };

            var pruned = _pruned.Search(request);
            var exact = everyMatch.Search(request);

            Assert.Equal(exact.Groups.Select(g => (g.DocumentId, g.MatchingPassages)), pruned.Groups.Select(g => (g.DocumentId, g.MatchingPassages)));
            Assert.False(exact.FacetsEstimated);
        }
    }

    [Fact]
    public void FacetsWithoutGrouping_SamePassages_EstimatedTotalsMarked()
    {
        var question = string.Join(' ', Vocabulary.Take(30));
        var request = new SearchRequest { Query = question, IncludeFacets = true, Highlight = false, PageSize = 10 };

        var pruned = _pruned.Search(request);
        var exact = _exhaustive.Search(request);

        Assert.Equal(exact.Hits.Select(h => h.PassageId), pruned.Hits.Select(h => h.PassageId));
        Assert.Equal(Flatten(exact.Facets), Flatten(pruned.Facets));
        Assert.True(pruned.TotalHitsEstimated);
        Assert.True(pruned.FacetsEstimated);
        Assert.False(exact.TotalHitsEstimated);
    }

    [Fact]
    public void FewMatches_ExactTotalsNothingEstimated()
    {
        // A rare word: every match is among the best passages.
        var request = new SearchRequest { Query = "zircon", GroupByDocument = true, IncludeFacets = true, Highlight = false };

        var pruned = _pruned.Search(request);
        var exact = new LuceneSearchService(_index) { Pruning = false, FacetDepth = 0 }.Search(request);

        Assert.InRange(exact.TotalHits, 1, Depth);
        Assert.False(pruned.TotalHitsEstimated);
        Assert.False(pruned.FacetsEstimated);
        Assert.Equal(exact.TotalHits, pruned.TotalHits);
        Assert.Equal(exact.TotalDocuments, pruned.TotalDocuments);
        Assert.Equal(Flatten(exact.Facets), Flatten(pruned.Facets));
    }

    [Theory]
    [InlineData(SearchSort.DateDescending, "đất đai quyền sử dụng")]
    [InlineData(SearchSort.Relevance, "đất quyền sử dụng -corona")]
    public void SortedOrExclusion_ScoresEveryMatch_ExactTotals(SearchSort sort, string query)
    {
        var request = new SearchRequest { Query = query, Sort = sort, GroupByDocument = true, IncludeFacets = true, Highlight = false };

        var pruned = _pruned.Search(request);
        var exact = _exhaustive.Search(request);

        Assert.True(exact.TotalHits > Depth);
        Assert.False(pruned.TotalHitsEstimated);
        AssertSamePage(request, exact, pruned);
        Assert.Equal(exact.TotalHits, pruned.TotalHits);
        Assert.Equal(exact.TotalDocuments, pruned.TotalDocuments);
    }

    [Fact]
    public void PageBeyondTheBestPassages_CountsEveryMatch()
    {
        var request = new SearchRequest { Query = string.Join(' ', Vocabulary.Take(20)), GroupByDocument = true, IncludeFacets = true, Highlight = false, PageSize = 50, Page = 8, PassagesPerDocument = 1 };

        var pruned = _pruned.Search(request);
        var exact = new LuceneSearchService(_index) { Pruning = false, FacetDepth = 0 }.Search(request);

        Assert.NotEmpty(exact.Groups);
        Assert.False(pruned.TotalHitsEstimated);
        Assert.False(pruned.FacetsEstimated);
        Assert.Equal(exact.TotalHits, pruned.TotalHits);
        Assert.Equal(exact.TotalDocuments, pruned.TotalDocuments);
        Assert.Equal(exact.Groups.Select(g => (g.DocumentId, g.MatchingPassages)), pruned.Groups.Select(g => (g.DocumentId, g.MatchingPassages)));
    }

    public void Dispose() => _index.Dispose();

    private static void AssertSamePage(SearchRequest request, SearchResults exact, SearchResults pruned)
    {
        Assert.Equal(exact.Groups.Select(g => (g.DocumentId, g.MatchingPassages)), pruned.Groups.Select(g => (g.DocumentId, g.MatchingPassages)));
        Assert.Equal(exact.Hits.Select(h => h.PassageId), pruned.Hits.Select(h => h.PassageId));
        Assert.All(exact.Hits.Zip(pruned.Hits), p => Assert.True(
            p.First.Score.Equals(p.Second.Score) || Math.Abs(p.First.Score - p.Second.Score) <= 1e-5 * Math.Max(1, Math.Abs(p.First.Score)),
            $"'{request.Query}': {p.First.Score} vs {p.Second.Score}"));
        Assert.Equal(exact.FacetsEstimated, pruned.FacetsEstimated);
        Assert.Equal(Flatten(exact.Facets), Flatten(pruned.Facets));
    }

    private static List<(string Key, int Count)> Flatten(IReadOnlyList<FacetResult> facets) =>
        [.. facets.SelectMany(f => f.Values.Select(v => ($"{f.Field}={v.Value}", v.Count)))];

    private string Sentence(int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Vocabulary[(int)(Vocabulary.Length * Math.Pow(_random.NextDouble(), 1.6))]));

    /// <summary>2 to 14 words of the vocabulary, sometimes without their accents.</summary>
    private string Question()
    {
        var words = Sentence(_random.Next(2, 15));
        return _random.Next(3) == 0 ? KnowledgeBase.Vietnamese.Text.VietnameseText.Fold(words) : words;
    }
}
