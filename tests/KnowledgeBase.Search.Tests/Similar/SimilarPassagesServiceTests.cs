using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Similar;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Similar;

public sealed class SimilarPassagesServiceTests : IDisposable
{
    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly SimilarPassagesService _similar;

    public SimilarPassagesServiceTests()
    {
        _similar = new SimilarPassagesService(_index);
        Add("bbbbbbbbbbbbbbb1",
            "Hợp đồng thế chấp quyền sử dụng đất được công chứng, ngân hàng nhận thế chấp nhà đất của bên vay.",
            "Tòa án xem xét hiệu lực của hợp đồng tín dụng giữa các bên.");
        Add("bbbbbbbbbbbbbbb2",
            "Ngân hàng nhận thế chấp quyền sử dụng đất và nhà ở theo hợp đồng thế chấp đã công chứng.");
        Add("bbbbbbbbbbbbbbb3",
            "Kế hoạch cải cách hành chính của tỉnh tập trung vào thủ tục hành chính và dịch vụ công trực tuyến.");
        Add("bbbbbbbbbbbbbbb4",
            "Sở Nội vụ theo dõi chỉ số cải cách hành chính của các sở, ngành.");
        _index.CommitAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void FindSimilar_PassagesSharingItsDistinctiveWords_OtherDocumentsFirst()
    {
        var similar = _similar.FindSimilar(PassageIds.Create("bbbbbbbbbbbbbbb1", 0), 3, Audience.Everyone);

        Assert.NotEmpty(similar);
        Assert.Equal("bbbbbbbbbbbbbbb2", similar[0].DocumentId);
        Assert.DoesNotContain(similar, h => h.PassageId == PassageIds.Create("bbbbbbbbbbbbbbb1", 0));
        Assert.DoesNotContain(similar, h => h.DocumentId is "bbbbbbbbbbbbbbb3" or "bbbbbbbbbbbbbbb4");
        Assert.Contains("<mark>", similar[0].FragmentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void FindSimilar_UnknownPassage_IsEmpty()
    {
        Assert.Empty(_similar.FindSimilar("ffffffffffffffff-0", 5, Audience.Everyone));
        Assert.Empty(_similar.FindSimilar("not an id", 5, Audience.Everyone));
    }

    public void Dispose() => _index.Dispose();

    private void Add(string id, params string[] passages) =>
        _index.Upsert(
            TestDocuments.Text(id, "T " + id[^1]),
            TestDocuments.Passages(id, passages));
}
