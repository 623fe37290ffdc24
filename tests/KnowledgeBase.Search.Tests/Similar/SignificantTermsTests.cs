using KnowledgeBase.Core.Search;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Similar;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Similar;

/// <summary>Issue 13: similar passages share what a passage is about, not its function words.</summary>
public sealed class SignificantTermsTests : IDisposable
{
    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly SimilarPassagesService _similar;

    public SignificantTermsTests()
    {
        _similar = new SimilarPassagesService(_index);
        Add("00000000000000d1", "Năm 2010 đây là nơi vào mùa lũ người dân phải sơ tán khẩn cấp.");
        Add("00000000000000d2", "Vào năm 2010 đây là nơi phải có một dịp khác.");
        Add("00000000000000d3", "Mùa lũ năm nay khiến dân làng sơ tán.");
        string[] others =
        [
            "Hợp đồng thế chấp quyền sử dụng đất được công chứng.", "Tòa án xem xét hiệu lực giao dịch dân sự.",
            "Kế hoạch cải cách hành chính cấp tỉnh.", "Sở Nội vụ theo dõi chỉ số hài lòng.", "Giáo dục phổ thông đổi mới chương trình.",
            "Bệnh viện tiếp nhận bệnh nhân cấp cứu.", "Ngân sách địa phương phân bổ chi thường xuyên.", "Thanh tra tỉnh kết luận sai phạm đất đai.",
            "Chuyển đổi số trong doanh nghiệp nhỏ.", "Du lịch biển đảo thu hút khách quốc tế.",
        ];
        for (var i = 0; i < others.Length; i++)
        {
            Add($"00000000000000e{i}", others[i]);
        }

        _index.CommitAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void FindSimilar_SharesTopicalWords_NotFunctionWordsOrNumbers()
    {
        var similar = _similar.FindSimilar(PassageIds.Create("00000000000000d1", 0), 5, Audience.Everyone);

        Assert.Equal(["00000000000000d3"], similar.Select(h => h.DocumentId));
        Assert.Contains("<mark>lũ</mark>", similar[0].FragmentHtml, StringComparison.Ordinal);
    }

    public void Dispose() => _index.Dispose();

    private void Add(string id, string text) => _index.Upsert(TestDocuments.Text(id, "T"), TestDocuments.Passages(id, text));
}
