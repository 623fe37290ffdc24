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

    [Fact]
    public async Task Suggest_WordBeingTypedAlone_OffersTheFirstTitlesInIndexOrderOverSeveralSegments()
    {
        // More titles start so than the 50 passages whose titles are read, over three segments: every match scores
        // alike, so the titles offered are those of the first passages in index order, as a full top 50 has them.
        for (var batch = 0; batch < 3; batch++)
        {
            for (var i = 0; i < 25; i++)
            {
                var n = (batch * 25) + i;
                Add($"eeeeeeeeeeee{n:x4}", $"Nghị định số {n}", DocumentVisibility.Public, $"Văn bản số {n} về đô thị.", $"Phụ lục {n} kèm theo.");
            }

            await _index.CommitAsync();
        }

        var suggestions = _suggestions.Suggest("ngh", 6, Audience.Everyone);

        Assert.Equal(["Nghị định số 0", "Nghị định số 1", "Nghị định số 2", "Nghị định số 3", "Nghị định số 4", "Nghị định số 5"], suggestions.Select(s => s.Text));
        Assert.All(suggestions, s => Assert.Equal(SuggestionKind.Title, s.Kind));
    }

    [Fact]
    public async Task Suggest_AfterANewSnapshot_AnswersFromIt()
    {
        // Answers are kept with the snapshot they were read from: a commit's new passages are suggested at once.
        Assert.DoesNotContain(_suggestions.Suggest("cai c", 6, Audience.Everyone), s => s.Text == "cải cách giáo dục");
        Add("ccccccccccccccc4", "Giáo dục", DocumentVisibility.Public, "Cải cách giáo dục toàn diện.", "Cải cách giáo dục phổ thông.", "Cải cách giáo dục đại học.", "Cải cách giáo dục nghề.");
        await _index.CommitAsync();

        var suggestions = _suggestions.Suggest("cai c", 6, Audience.Everyone);

        Assert.Equal("cải cách giáo dục", suggestions[0].Text);
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
