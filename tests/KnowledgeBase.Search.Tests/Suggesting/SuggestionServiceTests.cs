using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Suggesting;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Suggesting;

public sealed class SuggestionServiceTests : IDisposable
{
    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly SuggestionService _suggestions;

    public SuggestionServiceTests()
    {
        _suggestions = new SuggestionService(_index);
        Add("ccccccccccccccc1", "Kế hoạch cải cách hành chính năm 2016", DocumentVisibility.Public,
            "Tỉnh đẩy mạnh cải cách hành chính và cải cách thủ tục hành chính.", "Cải cách hành chính là khâu đột phá.");
        Add("ccccccccccccccc2", "Báo cáo thủ tục hành chính", DocumentVisibility.Public,
            "Rà soát thủ tục hành chính ở cấp xã, cải cách hành chính gắn với chuyển đổi số.");
        Add("ccccccccccccccc3", "Cải cách tiền lương (nội bộ)", DocumentVisibility.Private,
            "Đề án cải cách tiền lương cho cán bộ.");
        _index.CommitAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void Suggest_UnaccentedPrefix_CompletesWithTheCorpusPhrasesMostFrequentFirst()
    {
        var suggestions = _suggestions.Suggest("cai c", 6, Audience.Everyone);

        Assert.Equal("cải cách hành chính", suggestions[0].Text);
        Assert.Equal(SuggestionKind.Phrase, suggestions[0].Kind);
        Assert.Contains(suggestions, s => s.Kind == SuggestionKind.Title && s.Text == "Kế hoạch cải cách hành chính năm 2016");
    }

    [Fact]
    public void Suggest_AfterAWholeWord_OffersContinuations()
    {
        var suggestions = _suggestions.Suggest("thu tuc ", 5, Audience.Everyone);
        Assert.Contains(suggestions, s => s.Text == "thủ tục hành chính");
    }

    [Fact]
    public void Suggest_HonoursVisibility()
    {
        Assert.Contains(_suggestions.Suggest("tien lu", 5, Audience.Everyone), s => s.Text.StartsWith("tiền lương", StringComparison.Ordinal));
        Assert.DoesNotContain(_suggestions.Suggest("tien lu", 5, Audience.Of(DocumentVisibility.Public)), s => s.Text.Contains("tiền lương", StringComparison.Ordinal));
    }

    [Fact]
    public void Suggest_FirstWordBeingTyped_CompletesFromItsFrequentWords()
    {
        var suggestions = _suggestions.Suggest("thu", 6, Audience.Everyone);

        Assert.Contains(suggestions, s => s.Text.StartsWith("thủ tục", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggest_FirstWordInManyPassagesOverSeveralSegments_StopsAtTheSampleAndStillCompletes()
    {
        // More passages hold the word than are sampled, in three segments: the sample is taken from the first
        // and the later segments are cut short.
        for (var batch = 0; batch < 3; batch++)
        {
            for (var i = 0; i < 20; i++)
            {
                var n = (batch * 20) + i;
                Add($"dddddddddddd{n:x4}", "Quy hoạch " + n, DocumentVisibility.Public, $"Quy hoạch đô thị giai đoạn {n} được phê duyệt.");
            }

            await _index.CommitAsync();
        }

        var suggestions = _suggestions.Suggest("quy", 6, Audience.Everyone);

        Assert.Equal("quy hoạch đô", suggestions[0].Text);
        Assert.Equal(SuggestionKind.Phrase, suggestions[0].Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("c")]
    [InlineData("!!!")]
    public void Suggest_TooLittleTyped_Nothing(string prefix)
    {
        Assert.Empty(_suggestions.Suggest(prefix, 5, Audience.Everyone));
    }

    public void Dispose() => _index.Dispose();

    private void Add(string id, string title, DocumentVisibility visibility, params string[] passages) =>
        _index.Upsert(
            TestDocuments.Text(id, title) with { Visibility = visibility },
            TestDocuments.Passages(id, passages));
}
