using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Pruning;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Testing;
using Lucene.Net.Search;
using Xunit.Abstractions;

using static KnowledgeBase.Search.Tests.Pruning.TopDocsAssertions;

namespace KnowledgeBase.Search.Tests.Pruning;

/// <summary>
/// Pruning may change speed, never results: on a generated index (several segments, deleted passages, three
/// visibilities) the MaxScore search returns the same top k — documents, order and scores — as Lucene scoring
/// every match, for random questions built by the real <see cref="QueryBuilder"/>, with and without an audience's filter.
/// </summary>
public sealed class MaxScoreSearchTests : IDisposable
{
    private const string Words =
        "theo quy định của pháp luật về đất đai người sử dụng đất có quyền chuyển nhượng cho thuê thế chấp góp vốn " +
        "bằng quyền sử dụng đất khi có giấy chứng nhận không có tranh chấp trong thời hạn sử dụng ủy ban nhân dân " +
        "tỉnh thành phố trực thuộc trung ương quyết định giá đất cụ thể hội đồng thẩm định bảng giá hằng năm " +
        "bệnh nhân nhiễm vi rút corona được cách ly tại cơ sở y tế xét nghiệm dương tính âm tính triệu chứng sốt ho " +
        "khó thở tiêm vắc xin mũi một hai ba bộ y tế hướng dẫn phòng chống dịch khẩu trang rửa tay sát khuẩn " +
        "sinh viên trường đại học công nghệ thông tin học phí tín chỉ điểm trung bình học kỳ tốt nghiệp bằng cấp " +
        "hà nội sài gòn đà nẵng huế cần thơ việt nam lịch sử văn hóa chiến tranh độc lập hiến pháp quốc hội chính phủ";

    private static readonly string[] Vocabulary = [.. Words.Split(' ').Distinct(StringComparer.Ordinal)];
    private static readonly Audience PublicOnly = Audience.Of(DocumentVisibility.Public);

    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly Random _random = new(20261207);
    private readonly ITestOutputHelper _output;

    public MaxScoreSearchTests(ITestOutputHelper output)
    {
        _output = output;
        var visibilities = Enum.GetValues<DocumentVisibility>();
        for (var batch = 0; batch < 4; batch++)
        {
            for (var d = 0; d < 150; d++)
            {
                var id = ((batch * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                var passages = Enumerable.Range(0, 4).Select(_ => Sentence(_random.Next(8, 120))).ToArray();
                var document = TestDocuments.Text(id, Sentence(_random.Next(2, 8))) with { Visibility = visibilities[_random.Next(visibilities.Length)] };
                _index.Upsert(document, TestDocuments.Passages(id, passages));
            }

            // Deleted passages stay in the segment until merged: re-index a few documents of the previous batch.
            for (var d = 0; d < 10 && batch > 0; d++)
            {
                var id = (((batch - 1) * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                _index.Upsert(TestDocuments.Text(id, Sentence(3)), TestDocuments.Passages(id, Sentence(40), Sentence(15)));
            }

            _index.CommitAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>k, the audience filter, and how many of the 60 questions must at least skip work (fully score fewer
    /// passages than match): at k = 2,000 of 2,400 passages little can be skipped.</summary>
    public static TheoryData<int, bool, int> Shapes => new()
    {
        { 10, false, 30 }, { 10, true, 30 }, { 20, false, 30 }, { 20, true, 30 }, { 50, false, 20 }, { 50, true, 20 }, { 2000, false, 0 }, { 2000, true, 0 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RandomQuestions_SameTopKAsExhaustiveScoring(int k, bool publicOnly, int mustSkip)
    {
        var filter = publicOnly ? SearchFilterBuilder.Build(PublicOnly) : null;
        var pruned = 0;
        var compared = 0;
        var skipped = 0;
        long scored = 0, matches = 0;
        for (var q = 0; q < 60; q++)
        {
            var text = Question();
            var outcome = _index.WithSearcher(searcher =>
            {
                var query = new QueryBuilder().Build(UserQueryParser.Parse(text), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
                return (Exhaustive: searcher.Search(query, filter, k), Pruned: MaxScoreSearch.TrySearch(searcher, query, filter, k));
            });
            if (outcome.Pruned is null)
            {
                continue;
            }

            compared++;
            pruned += outcome.Pruned.TotalIsEstimate ? 1 : 0;
            skipped += outcome.Pruned.FullyScored < outcome.Exhaustive.TotalHits ? 1 : 0;
            scored += outcome.Pruned.FullyScored;
            matches += outcome.Exhaustive.TotalHits;
            AssertSameTop(text, outcome.Exhaustive, outcome.Pruned.TopDocs);
            if (!outcome.Pruned.TotalIsEstimate)
            {
                Assert.Equal(outcome.Exhaustive.TotalHits, outcome.Pruned.TopDocs.TotalHits);
            }
        }

        // The comparison means something only if the search took part and skipped passages.
        Assert.True(compared >= 50, $"only {compared} of 60 questions were searched with pruning");
        _output.WriteLine($"k={k} filter={publicOnly}: {compared} compared, {pruned} estimated totals, {skipped} skipped work; {scored} of {matches} matches scored in full");
        Assert.True(skipped >= mustSkip && pruned >= Math.Min(mustSkip, 10), $"only {skipped} questions skipped work ({pruned} estimated totals)");
    }

    [Fact]
    public async Task FacetDepth_K2000_OnALargerIndex_SameTopK_AndSkipsWork()
    {
        // 9,600 short passages in 6 segments, deletions among them: the best 2,000 leave room to skip.
        using var index = LuceneIndex.InMemory();
        for (var batch = 0; batch < 6; batch++)
        {
            for (var d = 0; d < 400; d++)
            {
                var id = ((batch * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                var passages = Enumerable.Range(0, 4).Select(_ => Sentence(_random.Next(6, 40))).ToArray();
                index.Upsert(TestDocuments.Text(id, Sentence(3)) with { Visibility = _random.Next(3) == 0 ? DocumentVisibility.Internal : DocumentVisibility.Public }, TestDocuments.Passages(id, passages));
            }

            for (var d = 0; d < 20 && batch > 0; d++)
            {
                var id = (((batch - 1) * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                index.Upsert(TestDocuments.Text(id, Sentence(3)), TestDocuments.Passages(id, Sentence(20)));
            }

            await index.CommitAsync();
        }

        var skipped = 0;
        for (var q = 0; q < 24; q++)
        {
            var text = Question();
            var filter = q % 2 == 0 ? null : SearchFilterBuilder.Build(PublicOnly);
            var outcome = index.WithSearcher(searcher =>
            {
                var query = new QueryBuilder().Build(UserQueryParser.Parse(text), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
                return (Exhaustive: searcher.Search(query, filter, 2000), Pruned: MaxScoreSearch.TrySearch(searcher, query, filter, 2000));
            });
            if (outcome.Pruned is null)
            {
                continue;
            }

            AssertSameTop(text, outcome.Exhaustive, outcome.Pruned.TopDocs);
            skipped += outcome.Pruned.FullyScored < outcome.Exhaustive.TotalHits ? 1 : 0;
        }

        _output.WriteLine($"k=2000 on 9,600 passages: {skipped} of 24 questions skipped work");
        Assert.True(skipped >= 4, $"only {skipped} of 24 questions skipped work");
    }

    [Theory]
    [InlineData(10, false)]
    [InlineData(20, true)]
    [InlineData(50, false)]
    public void EitherClauseOrder_SameTopKAsExhaustiveScoring_DensityLeavesFewerPassagesToVisit(int k, bool publicOnly)
    {
        // Which clauses become non-essential first changes the work, never the result: the order by bound (the most
        // clauses) and by postings per unit of bound (the fewest postings essential; the default) both give exhaustive
        // scoring's top k, and the second visits fewer passages over the questions.
        var filter = publicOnly ? SearchFilterBuilder.Build(PublicOnly) : null;
        long visitedByBound = 0, visitedByDensity = 0;
        var compared = 0;
        for (var q = 0; q < 60; q++)
        {
            var text = Question();
            var outcome = _index.WithSearcher(searcher =>
            {
                var query = new QueryBuilder().Build(UserQueryParser.Parse(text), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
                return (Exhaustive: searcher.Search(query, filter, k),
                    ByBound: MaxScoreSearch.TrySearch(searcher, query, filter, k, WindowMaxScore.ClauseOrder.Bound),
                    ByDensity: MaxScoreSearch.TrySearch(searcher, query, filter, k, WindowMaxScore.ClauseOrder.Density));
            });
            if (outcome.ByBound is null || outcome.ByDensity is null)
            {
                Assert.Null(outcome.ByBound);
                Assert.Null(outcome.ByDensity);
                continue;
            }

            compared++;
            AssertSameTop(text, outcome.Exhaustive, outcome.ByBound.TopDocs);
            AssertSameTop(text, outcome.Exhaustive, outcome.ByDensity.TopDocs);
            visitedByBound += outcome.ByBound.Visited;
            visitedByDensity += outcome.ByDensity.Visited;
        }

        _output.WriteLine($"k={k} filter={publicOnly}: {compared} compared; passages visited by bound order {visitedByBound}, by density {visitedByDensity}");
        Assert.True(compared >= 50, $"only {compared} of 60 questions were searched with pruning");
        Assert.True(visitedByDensity < visitedByBound, $"density order visited {visitedByDensity} passages, bound order {visitedByBound}");
    }

    [Fact]
    public void TypoWithNoSpellingNearIt_NotDeclined_SameTopKAsExhaustiveScoring()
    {
        // "qxzwvkjq" is not in the index and no spelling is within two edits: its fuzzy clause rewrites to nothing.
        const string text = "quyền sử dụng đất qxzwvkjq giá đất hội đồng";
        var outcome = _index.WithSearcher(searcher =>
        {
            var query = new QueryBuilder().Build(UserQueryParser.Parse(text), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
            var rewritten = (BooleanQuery)searcher.Rewrite(query);
            return (Empty: rewritten.Clauses.Count(c => c.Query is BooleanQuery { Clauses.Count: 0 }), Exhaustive: searcher.Search(query, null, 10), Pruned: MaxScoreSearch.TrySearch(searcher, query, null, 10));
        });

        Assert.Equal(1, outcome.Empty);
        Assert.NotNull(outcome.Pruned);
        AssertSameTop(text, outcome.Exhaustive, outcome.Pruned.TopDocs);
        Assert.True(outcome.Pruned.FullyScored < outcome.Exhaustive.TotalHits);
    }

    [Fact]
    public void PhraseOrExclusion_Declined()
    {
        var declined = _index.WithSearcher(searcher =>
        {
            var query = new QueryBuilder().Build(UserQueryParser.Parse("\"quyền sử dụng đất\" giá đất -corona"), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
            return MaxScoreSearch.TrySearch(searcher, query, null, 10);
        });

        Assert.Null(declined);
    }

    [Fact]
    public void SearchService_LongQuestion_SaysTheTotalIsAnEstimate()
    {
        var search = new LuceneSearchService(_index) { Pruning = true };
        var question = string.Join(' ', Vocabulary.Take(40));

        var results = search.Search(new SearchRequest { Query = question, PageSize = 10, Highlight = false });
        var everyMatch = _index.WithSearcher(s => s.IndexReader.NumDocs);

        Assert.Equal(10, results.Hits.Count);
        Assert.True(results.TotalHitsEstimated);
        Assert.InRange(results.TotalHits, 10, everyMatch);
    }

    [Fact]
    public void SearchService_PruningOnAndOff_SamePages()
    {
        var on = new LuceneSearchService(_index) { Pruning = true };
        var off = new LuceneSearchService(_index) { Pruning = false };
        var estimated = 0;
        for (var q = 0; q < 30; q++)
        {
            var request = new SearchRequest { Query = Question(), PageSize = q % 3 == 0 ? 20 : 10, Page = q % 5 == 0 ? 2 : 1, Highlight = false };
            var (a, b) = (on.Search(request), off.Search(request));
            Assert.Equal(b.Hits.Select(h => h.PassageId), a.Hits.Select(h => h.PassageId));
            Assert.All(a.Hits.Zip(b.Hits), p => Assert.True(
                p.First.Score.Equals(p.Second.Score) || Math.Abs(p.First.Score - p.Second.Score) <= 1e-5 * Math.Max(1, Math.Abs(p.Second.Score)),
                $"{p.First.Score} vs {p.Second.Score}"));
            Assert.False(b.TotalHitsEstimated);
            estimated += a.TotalHitsEstimated ? 1 : 0;
            Assert.True(a.TotalDocuments > 0 || b.TotalDocuments == 0, $"'{request.Query}': no documents counted");
        }

        Assert.True(estimated >= 10, $"only {estimated} of 30 searches were pruned");
    }

    [Fact]
    public void SearchService_Pruned_EstimatesTotalDocuments_NearTheExactCount()
    {
        var question = string.Join(' ', Vocabulary.Take(40));
        var request = new SearchRequest { Query = question, PageSize = 10, Highlight = false };

        var pruned = new LuceneSearchService(_index) { Pruning = true }.Search(request);
        var exact = new LuceneSearchService(_index) { Pruning = false }.Search(request);

        Assert.True(pruned.TotalHitsEstimated);
        Assert.False(exact.TotalHitsEstimated);
        Assert.InRange(pruned.TotalDocuments, (int)(exact.TotalDocuments * 0.75), (int)Math.Ceiling(exact.TotalDocuments * 1.25));
    }

    [Fact]
    public void SearchService_DeclinedQuery_CountsPassagesAndDocumentsExactly()
    {
        var request = new SearchRequest { Query = "\"theo theo\" đất", PageSize = 10, Highlight = false };

        var pruned = new LuceneSearchService(_index) { Pruning = true }.Search(request);
        var exact = new LuceneSearchService(_index) { Pruning = false }.Search(request);

        Assert.False(pruned.TotalHitsEstimated);
        Assert.Equal(exact.TotalHits, pruned.TotalHits);
        Assert.Equal(exact.TotalDocuments, pruned.TotalDocuments);
        Assert.True(pruned.TotalDocuments > 0);
    }

    [Fact]
    public void Pruning_IsOnByDefault()
    {
        Assert.True(SearchOptions.DefaultPruning);
        Assert.True(new SearchOptions().Pruning);
        Assert.True(new LuceneSearchService(_index).Pruning);
    }

    public void Dispose() => _index.Dispose();

    private string Sentence(int length) => GeneratedText.Sentence(_random, Vocabulary, length);

    private string Question() => GeneratedText.Question(_random, Vocabulary);
}
