using KnowledgeBase.Core.Documents;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Tests.Testing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Acronyms;

public sealed class AcronymSearchTests : IDisposable
{
    private readonly InMemoryIndex _index = new();

    [Theory]
    [InlineData("UBND")]
    [InlineData("ủy ban nhân dân")]
    [InlineData("uy ban nhan dan")]
    public void Search_CuratedAcronymOrExpansion_FindsBothForms(string query)
    {
        var spelled = _index.Add("Ủy ban nhân dân tỉnh đã họp về kế hoạch.");
        var short_ = _index.Add("UBND tỉnh đã họp về kế hoạch.");
        _index.Add("Hội nghị tỉnh đã họp về kế hoạch.");
        _index.Commit();

        Assert.Equal(new[] { short_, spelled }.Order(), _index.Ranked(query).Take(2).Order());
    }

    [Fact]
    public void Search_AcronymLearnedLater_AppliesToPassagesIndexedBeforeWithoutReindex()
    {
        var earlier = _index.Add("Huyện đã hoàn thành QHSDĐ giai đoạn hai.");
        _index.Commit();
        Assert.Empty(_index.Ranked("quy hoạch sử dụng đất"));

        var teacher = _index.Add("Tỉnh lập quy hoạch sử dụng đất (QHSDĐ) mười năm.");
        _index.Commit();

        Assert.Equal(new[] { earlier, teacher }.Order(), _index.Ranked("quy hoạch sử dụng đất").Order());
        Assert.Equal(new[] { earlier, teacher }.Order(), _index.Ranked("QHSDĐ").Order());
    }

    [Fact]
    public async Task Search_LearnedAcronym_SurvivesReopeningTheIndex()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kb-acronyms-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = LuceneIndex.OpenFolder(folder, TimeSpan.FromMinutes(1)))
            {
                index.Upsert(TestDocuments.Text("aaaaaaaaaaaaaaa1", "Báo cáo"), TestDocuments.Passages("aaaaaaaaaaaaaaa1", "Đẩy mạnh chuyển đổi số quốc gia (CĐSQG) năm nay."));
                index.Upsert(TestDocuments.Text("aaaaaaaaaaaaaaa2", "Kế hoạch"), TestDocuments.Passages("aaaaaaaaaaaaaaa2", "Kế hoạch CĐSQG của huyện."));
                await index.CommitAsync();
            }

            using (var reopened = LuceneIndex.OpenFolder(folder, TimeSpan.FromMinutes(1)))
            {
                var hits = new LuceneSearchService(reopened).Search(new Core.Search.SearchRequest { Query = "chuyển đổi số quốc gia", Highlight = false }).Hits;
                Assert.Contains(hits, h => h.DocumentId == "aaaaaaaaaaaaaaa2");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Search_DeletedTeacher_AcronymForgotten()
    {
        _index.Add("Báo cáo QHSDĐ của huyện.");
        var teacher = _index.Add("Tỉnh lập quy hoạch sử dụng đất (QHSDĐ).");
        _index.Commit();
        _index.Index.Delete(teacher);
        _index.Commit();

        Assert.Empty(_index.Ranked("quy hoạch sử dụng đất"));
    }

    [Fact]
    public void Search_SeedArticle_FoundByCchcAndByItsExpansion()
    {
        var seed = Directory.GetFiles(TestPaths.Seeds, "*.txt").Single();
        var paragraphs = File.ReadAllLines(seed).Where(l => l.Trim().Length > 40).ToList();
        var other = _index.Add("Báo cáo tình hình kinh tế xã hội của tỉnh trong năm 2015.");
        var passages = paragraphs.Select((p, i) => new Passage { DocumentId = "5eed5eed5eed5eed", Ordinal = i, PageNumber = 1, Text = p }).ToList();
        _index.Index.Upsert(TestDocuments.Text("5eed5eed5eed5eed", "Kinh nghiệm xây dựng và triển khai kế hoạch cải cách hành chính ở cấp tỉnh"), passages);
        _index.Commit();

        var byAcronym = _index.Find("CCHC").Hits;
        Assert.Equal("5eed5eed5eed5eed", byAcronym[0].DocumentId);
        Assert.Contains("<mark>CCHC</mark>", byAcronym[0].FragmentHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(other, byAcronym.Select(h => h.DocumentId));
        Assert.Equal("5eed5eed5eed5eed", _index.Ranked("cai cach hanh chinh")[0]);
    }

    public void Dispose() => _index.Dispose();
}
