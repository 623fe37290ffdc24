using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Collecting;

/// <summary>
/// Facets and groups counted from the best passages (<see cref="LuceneSearchService.FacetDepth"/>): the same as
/// counting every match when the best passages are every match; otherwise marked estimated, with exact totals,
/// the same first page of documents, and only passages the audience may see counted. Scoring every match beside a
/// counter (<c>Pruning = false</c>): the pruned page is <see cref="PrunedPageTests"/>.
/// </summary>
public sealed class ApproximateFacetsTests : IDisposable
{
    private static readonly string[] Syllables = ["cải", "cách", "hành", "chính", "thủ", "tục", "đăng", "ký", "hộ", "tịch", "đất", "đai", "thuế", "phí", "lệ", "giấy", "phép", "xây", "dựng", "công"];
    private static readonly string[] Collections = ["Sở Tư pháp", "Sở Xây dựng", "UBND tỉnh", "Cục Thuế"];
    private static readonly DocumentKind[] Kinds = [DocumentKind.Pdf, DocumentKind.Html, DocumentKind.Word, DocumentKind.Text];
    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly LuceneSearchService _exact;
    private readonly LuceneSearchService _fromTop;

    public ApproximateFacetsTests()
    {
        _exact = new LuceneSearchService(_index) { FacetDepth = 0, Pruning = false };
        _fromTop = new LuceneSearchService(_index) { FacetDepth = 40, Pruning = false };
        var random = new Random(11);
        for (var d = 0; d < 150; d++)
        {
            var id = (d + 1).ToString("x16", CultureInfo.InvariantCulture);
            var document = TestDocuments.Text(id, "Văn bản " + d) with
            {
                Kind = Kinds[d % Kinds.Length],
                Collection = Collections[random.Next(Collections.Length)],
                Date = new DateOnly(2015 + (d % 6), 1 + (d % 12), 1),
                Visibility = d % 5 == 0 ? DocumentVisibility.Private : DocumentVisibility.Public,
                Tags = d % 3 == 0 ? ["cchc"] : [],
            };
            var passages = Enumerable.Range(0, 1 + random.Next(8))
                .Select(_ => string.Join(' ', Enumerable.Range(0, 8 + random.Next(20)).Select(_ => Syllables[(int)(Syllables.Length * Math.Pow(random.NextDouble(), 2))])))
                .ToArray();
            _index.Upsert(document, TestDocuments.Passages(id, passages));
            if (d % 20 == 19)
            {
                _index.CommitAsync().GetAwaiter().GetResult();
            }
        }

        _index.CommitAsync().GetAwaiter().GetResult();
    }

    public static TheoryData<string, bool> Questions => new()
    {
        { "cải cách hành chính", true },
        { "cai cach hanh chinh thu tuc dang ky", true },
        { "giấy phép xây dựng công trình", false },
        { "đăng ký hộ tịch", false },
        { "thue phi le phi dat dai giay phep", true },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void FewerMatchesThanTheDepth_SameAsCountingEveryMatch(string query, bool grouped)
    {
        var deep = new LuceneSearchService(_index) { FacetDepth = 100_000, Pruning = false };
        var request = Request(query, grouped);

        var exact = _exact.Search(request);
        var fromTop = deep.Search(request);

        Assert.False(fromTop.FacetsEstimated);
        AssertSamePage(exact, fromTop);
        Assert.Equal(Flatten(exact.Facets), Flatten(fromTop.Facets));
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void MoreMatchesThanTheDepth_EstimatedFacetsExactTotalsSamePage(string query, bool grouped)
    {
        var request = Request(query, grouped);

        var exact = _exact.Search(request);
        var fromTop = _fromTop.Search(request);

        Assert.True(exact.TotalHits > (grouped ? 100 : 40), $"{exact.TotalHits} matches: the question must match more than the best passages read");
        Assert.True(fromTop.FacetsEstimated);
        Assert.False(exact.FacetsEstimated);
        Assert.Equal(exact.TotalHits, fromTop.TotalHits);
        Assert.Equal(exact.TotalDocuments, fromTop.TotalDocuments);
        Assert.Equal(exact.Groups.Select(g => (g.DocumentId, g.MatchingPassages)), fromTop.Groups.Select(g => (g.DocumentId, g.MatchingPassages)));
        // A document's passages shown: its best among the best passages read, so the first of those shown counting every match.
        Assert.All(exact.Groups.Zip(fromTop.Groups), p => Assert.Equal(p.First.Hits.Take(p.Second.Hits.Count).Select(h => h.PassageId), p.Second.Hits.Select(h => h.PassageId)));
        if (!grouped)
        {
            Assert.Equal(exact.Hits.Select(h => (h.PassageId, h.Score)), fromTop.Hits.Select(h => (h.PassageId, h.Score)));
        }

        var counted = Flatten(fromTop.Facets);
        var all = Flatten(exact.Facets).ToDictionary(v => v.Key, v => v.Count);
        Assert.NotEmpty(counted);
        Assert.All(counted, v => Assert.InRange(v.Count, 1, all[v.Key]));
    }

    [Fact]
    public void EstimatedFacets_CountOnlyWhatTheAudienceSees()
    {
        var everyone = Request("cai cach hanh chinh thu tuc", grouped: true);
        var publicOnly = everyone with { Audience = Audience.Of(DocumentVisibility.Public) };

        var seen = _fromTop.Search(publicOnly);
        var exact = _exact.Search(publicOnly);

        Assert.True(seen.FacetsEstimated);
        Assert.Equal(exact.TotalHits, seen.TotalHits);
        Assert.Equal(exact.TotalDocuments, seen.TotalDocuments);
        Assert.True(_exact.Search(everyone).TotalDocuments > exact.TotalDocuments);
        // Every document counted is a public one: the counts per kind add up to no more than the public documents.
        var kinds = seen.Facets.Single(f => f.Field == IndexFields.Kind).Values.Sum(v => v.Count);
        Assert.InRange(kinds, 1, exact.TotalDocuments);
        // Private documents are those numbered 1, 6, 11, ... (every fifth, from the first).
        Assert.All(seen.Groups, g => Assert.NotEqual(1, int.Parse(g.DocumentId, NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 5));
    }

    [Fact]
    public void PageBeyondTheBestPassages_CountsEveryMatch()
    {
        // 100 best passages read (the grouping's own depth) hold fewer than the 90 documents before page 10.
        var request = Request("cải cách hành chính thủ tục đăng ký", grouped: true) with { Page = 10, PageSize = 10, PassagesPerDocument = 1 };

        var exact = _exact.Search(request);
        var fromTop = new LuceneSearchService(_index) { FacetDepth = 10, Pruning = false }.Search(request);

        Assert.NotEmpty(exact.Groups);
        Assert.False(fromTop.FacetsEstimated);
        AssertSamePage(exact, fromTop);
        Assert.Equal(Flatten(exact.Facets), Flatten(fromTop.Facets));
    }

    public void Dispose() => _index.Dispose();

    private static SearchRequest Request(string query, bool grouped) =>
        new() { Query = query, GroupByDocument = grouped, IncludeFacets = true, Highlight = false, PageSize = 10 };

    private static void AssertSamePage(SearchResults exact, SearchResults fromTop)
    {
        Assert.Equal(exact.TotalHits, fromTop.TotalHits);
        Assert.Equal(exact.TotalDocuments, fromTop.TotalDocuments);
        Assert.Equal(exact.Hits.Select(h => (h.PassageId, h.Score)), fromTop.Hits.Select(h => (h.PassageId, h.Score)));
        Assert.Equal(exact.Groups.Select(g => (g.DocumentId, g.MatchingPassages)), fromTop.Groups.Select(g => (g.DocumentId, g.MatchingPassages)));
    }

    private static List<(string Key, int Count)> Flatten(IReadOnlyList<FacetResult> facets) =>
        [.. facets.SelectMany(f => f.Values.Select(v => (f.Field + "=" + v.Value, v.Count)))];
}
