using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests;

public sealed class LuceneSearchServiceTests : IDisposable
{
    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly LuceneSearchService _search;

    public LuceneSearchServiceTests()
    {
        _search = new LuceneSearchService(_index);
    }

    [Fact]
    public async Task Search_UnaccentedQuery_FindsAccentedPassageAndRanksExactAccentFirst()
    {
        Add("aaaaaaaaaaaaaaa1", "Báo cáo", "Tỉnh đã đẩy mạnh cải cách hành chính trong năm qua.");
        Add("aaaaaaaaaaaaaaa2", "Ghi chép", "Có cái cách làm việc rất riêng của từng người.");
        await _index.CommitAsync();

        var folded = _search.Search(new SearchRequest { Query = "cai cach" });
        Assert.Equal(2, folded.TotalHits);
        Assert.Contains("<mark>cải</mark>", folded.Hits.Single(h => h.DocumentId == "aaaaaaaaaaaaaaa1").FragmentHtml, StringComparison.Ordinal);

        var accented = _search.Search(new SearchRequest { Query = "cải cách" });
        Assert.Equal("aaaaaaaaaaaaaaa1", accented.Hits[0].DocumentId);
    }

    public void Dispose() => _index.Dispose();

    private void Add(string id, string title, string text) =>
        _index.Upsert(
            TestDocuments.Text(id, title),
            TestDocuments.Passages(id, text));
}
