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

    [Fact]
    public async Task Search_AfterDocumentsWereReindexed_ScoresAreNumbers()
    {
        // Re-indexed documents leave deleted passages until a merge: a word in every passage then has a document
        // frequency above the number of live passages, which once made its weight in the second look NaN (and
        // /api/search unable to write its JSON).
        for (var round = 0; round < 3; round++)
        {
            // All ten documents first, then two of them again: the first segment keeps their old passages, deleted.
            for (var d = 1; d <= (round == 0 ? 10 : 2); d++)
            {
                var id = "bbbbbbbbbbbbbb" + d.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
                _index.Upsert(TestDocuments.Text(id, "Quy định"), TestDocuments.Passages(id, $"Quy định về đất đai số {d} và quyền sử dụng đất.", $"Quy định về thuế đất lần {round}."));
            }

            await _index.CommitAsync();
        }

        foreach (var query in new[] { "quy định về quyền sử dụng đất", "quy dinh dat", "quy định" })
        {
            var results = _search.Search(new SearchRequest { Query = query });
            Assert.NotEmpty(results.Hits);
            Assert.All(results.Hits, h => Assert.True(float.IsFinite(h.Score) && h.Score > 0, $"'{query}': score {h.Score}"));
        }
    }

    public void Dispose() => _index.Dispose();

    private void Add(string id, string title, string text) =>
        _index.Upsert(
            TestDocuments.Text(id, title),
            TestDocuments.Passages(id, text));
}
