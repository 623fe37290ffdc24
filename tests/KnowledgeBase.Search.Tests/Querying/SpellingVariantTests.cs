using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Tests.Testing;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>
/// Issue 13: a final i or y after h, k, l, m, s, t or qu is one word spelt two ways (<c>kĩ thuật</c> / <c>kỹ thuật</c>,
/// <c>lí do</c> / <c>lý do</c>); a query finds either spelling, the one typed first (<see cref="RankingWeights.SpellingVariant"/>).
/// </summary>
public sealed class SpellingVariantTests : IDisposable
{
    private readonly InMemoryIndex _index = new();

    [Fact]
    public void Search_ShortAccentedQuery_FindsTheOtherSpellingWithoutFallingBack()
    {
        var y = _index.Add("Ngành kỹ thuật phần mềm đào tạo bốn năm.");
        var i = _index.Add("Ngành kĩ thuật phần mềm có hai chuyên ngành.");
        _index.Add("Ngành thiết kế đồ hoạ.");
        _index.Commit();

        var results = Search(RankingWeights.Default, "kĩ thuật phần mềm");

        // The spelling typed first, as accents typed rank first.
        Assert.Equal([i, y], results.Hits.Select(h => h.DocumentId));
        Assert.False(results.AnyWordFallback);
    }

    [Fact]
    public void Search_WithoutVariants_TheOtherSpellingIsLeftOut()
    {
        _index.Add("Ngành kỹ thuật phần mềm đào tạo bốn năm.");
        var i = _index.Add("Ngành kĩ thuật phần mềm có hai chuyên ngành.");
        _index.Commit();

        var results = Search(RankingWeights.Default with { SpellingVariant = 0 }, "kĩ thuật phần mềm");

        Assert.Equal([i], results.Hits.Select(h => h.DocumentId));
    }

    [Fact]
    public void Search_QuestionInTheOtherSpelling_ThePassageWithTheWordWins()
    {
        // "lí do" against a text that writes "lý do": the passage that has the word wins over a shorter one holding
        // only "do" and "thôi việc"; without the variant the shorter one wins.
        var reason = _index.Add("Người lao động nêu rõ lý do xin thôi việc trong đơn gửi công ty.");
        var other = _index.Add("Do công ty giải thể, người lao động thôi việc.");
        _index.Commit();

        Assert.Equal([reason, other], Search(RankingWeights.Default, "lí do thôi việc là gì?").Hits.Select(h => h.DocumentId));
        Assert.Equal([other, reason], Search(RankingWeights.Default with { SpellingVariant = 0 }, "lí do thôi việc là gì?").Hits.Select(h => h.DocumentId));
    }

    [Fact]
    public void Search_Stripped_TheOtherSpellingComesCloser()
    {
        var y = _index.Add("Quy định về kỳ thi tốt nghiệp.");
        var i = _index.Add("Quy định về kì thi tốt nghiệp.");
        _index.Commit();

        var results = Search(RankingWeights.Default, "ky thi tot nghiep");
        var without = Search(RankingWeights.Default with { SpellingVariant = 0 }, "ky thi tot nghiep");
        var same = Search(RankingWeights.Default with { SpellingVariant = 1 }, "ky thi tot nghiep");

        Assert.Equal([y, i], results.Hits.Select(h => h.DocumentId));
        Assert.Equal([y, i], without.Hits.Select(h => h.DocumentId));
        Assert.True(results.Hits[1].Score / results.Hits[0].Score > without.Hits[1].Score / without.Hits[0].Score);
        Assert.Equal(same.Hits[0].Score, same.Hits[1].Score, 4);
    }

    public void Dispose() => _index.Dispose();

    private SearchResults Search(RankingWeights weights, string query) =>
        new LuceneSearchService(_index.Index, weights).Search(new SearchRequest { Query = query, Highlight = false });
}
