using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Suggesting;
using KnowledgeBase.Testing;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Search.Tests.Suggesting;

public sealed class QueryCorrectorTests : IDisposable
{
    /// <summary>Administrative phrases, each written in the corpus below with its accents.</summary>
    private static readonly string[] PhraseList =
    [
        "cải cách hành chính", "thủ tục hành chính", "ủy ban nhân dân", "hội đồng nhân dân", "dịch vụ công trực tuyến",
        "một cửa liên thông", "cán bộ công chức", "chính quyền điện tử", "đăng ký thường trú", "quyền sử dụng đất",
        "công chứng hợp đồng", "sở nội vụ", "chỉ số hài lòng", "giải quyết hồ sơ", "trách nhiệm giải trình",
        "quản trị nhà nước", "ngân sách địa phương", "đánh giá cán bộ", "phân cấp quản lý", "tinh giản biên chế",
        "thanh tra tỉnh", "kiểm soát thủ tục", "bộ phận tiếp nhận", "hộ tịch", "chứng thực bản sao",
    ];

    public static TheoryData<string> Phrases => [.. PhraseList];

    private readonly LuceneIndex _index = LuceneIndex.InMemory();

    public QueryCorrectorTests()
    {
        var texts = new List<string>();
        var n = 0;
        foreach (var phrase in PhraseList)
        {
            texts.Add($"Năm nay tỉnh tiếp tục đẩy mạnh {phrase} theo kế hoạch đã đề ra.");
            texts.Add($"Báo cáo nêu rõ kết quả {phrase} và những tồn tại cần khắc phục trong thời gian tới ({n++}).");
        }

        // A decoy with the same letters but other accents, rarer than the administrative sense.
        texts.Add("Mỗi người có cái cách làm việc riêng.");
        texts.Add("Các đơn vị đã thống nhất cách làm.");
        for (var i = 0; i < texts.Count; i++)
        {
            var id = $"{i:x16}";
            _index.Upsert(
                TestDocuments.Text(id, "Tài liệu " + i),
                TestDocuments.Passages(id, texts[i]));
        }

        _index.CommitAsync().GetAwaiter().GetResult();
    }

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Correct_UnaccentedAdministrativePhrase_RestoresTheAccentsTheCorpusUses(string phrase)
    {
        var typed = VietnameseText.Fold(phrase);

        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, typed));

        Assert.NotNull(correction);
        Assert.Equal(phrase, correction.Query);
        Assert.Equal(CorrectionReason.AccentsRestored, correction.Reason);
        Assert.Contains("<strong>", correction.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Correct_ContextDecides_CaiCachIsReformHere()
    {
        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, "cai cach"));
        Assert.Equal("cải cách", correction?.Query);
    }

    [Fact]
    public void Correct_AccentedQuery_IsLeftAlone()
    {
        Assert.Null(_index.WithSearcher(s => QueryCorrector.Correct(s, "cải cách hành chính")));
    }

    [Fact]
    public void Correct_Typo_BecomesTheNearestFrequentWord()
    {
        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, "thu tuc hanh chinnh"));

        Assert.NotNull(correction);
        Assert.Equal("thủ tục hành chính", correction.Query);
        Assert.Equal(CorrectionReason.SpellingCorrected, correction.Reason);
    }

    [Fact]
    public void Correct_PhrasesFiltersAndExclusionsStayAsTyped()
    {
        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, "ho tich \"cai cach\" -thanh type:pdf"));

        Assert.Equal("hộ tịch \"cai cach\" -thanh type:pdf", correction?.Query);
    }

    [Fact]
    public void Correct_StrayQuotationMark_WordsAfterItAreStillCorrected()
    {
        // The parser reads an unclosed quotation mark as punctuation, so the corrector must too.
        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, "\"cai cach hanh chinh"));

        Assert.Equal("\"cải cách hành chính", correction?.Query);
    }

    [Fact]
    public void Correct_PunctuationAroundWords_IsKeptAndLeftOutOfTheMarkedWords()
    {
        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, "(cai cach, hanh chinh)?"));

        Assert.NotNull(correction);
        Assert.Equal("(cải cách, hành chính)?", correction.Query);
        Assert.Equal("(<strong>cải</strong> <strong>cách</strong>, <strong>hành</strong> <strong>chính</strong>)?", correction.Html);
    }

    [Fact]
    public void Correct_DashOpeningALine_IsABulletNotAnExclusion()
    {
        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, "ho tich\n-cai cach -thanh"));

        Assert.Equal("hộ tịch\n-cải cách -thanh", correction?.Query);
    }

    [Fact]
    public void Correct_RespeltWordOfAQueryTypedWithAccents_GetsItsAccents()
    {
        // Typed with accents, a misspelt word is respelt from its folded neighbours and then written as the corpus writes it.
        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, "thủ tục hành chinnh"));

        Assert.Equal("thủ tục hành chính", correction?.Query);
        Assert.Equal(CorrectionReason.SpellingCorrected, correction?.Reason);
    }

    [Fact]
    public async Task Correct_PlainWordsOfAQueryTypedWithAccents_StayAsTyped()
    {
        // "cua" (crab) in a question typed with accents is meant as typed, though the corpus writes "của" far more.
        using var index = LuceneIndex.InMemory();
        string[] texts = ["Tôm của ngư dân được bán ở chợ.", "Giá tôm của hợp tác xã tăng.", "Tôm của tỉnh xuất khẩu nhiều.", "Dị ứng tôm cua biển là bệnh thường gặp."];
        for (var i = 0; i < texts.Length; i++)
        {
            index.Upsert(TestDocuments.Text($"{i:x16}"), TestDocuments.Passages($"{i:x16}", texts[i]));
        }

        await index.CommitAsync();

        Assert.Null(index.WithSearcher(s => QueryCorrector.Correct(s, "dị ứng tôm cua biển")));
        Assert.Equal("tôm của", index.WithSearcher(s => QueryCorrector.Correct(s, "tom cua"))?.Query);
    }

    [Fact]
    public async Task Correct_AfterANewSnapshot_ReadsTheFormsItHolds()
    {
        // The forms read for a run of words are kept with the snapshot: a commit that changes the majority is seen.
        using var index = LuceneIndex.InMemory();
        index.Upsert(TestDocuments.Text("0000000000000001"), TestDocuments.Passages("0000000000000001", "Mỗi người có cái cách riêng."));
        await index.CommitAsync();
        Assert.Equal("cái cách", index.WithSearcher(s => QueryCorrector.Correct(s, "cai cach"))?.Query);
        var before = index.WithSearcher(s => (s.IndexReader, CorpusForms.LookedUp(s.IndexReader)));
        Assert.True(before.Item2 > 0);

        for (var i = 2; i < 5; i++)
        {
            index.Upsert(TestDocuments.Text($"{i:x16}"), TestDocuments.Passages($"{i:x16}", $"Tỉnh đẩy mạnh cải cách hành chính ({i})."));
        }

        await index.CommitAsync();

        Assert.Equal("cải cách", index.WithSearcher(s => QueryCorrector.Correct(s, "cai cach"))?.Query);
        Assert.NotSame(before.IndexReader, index.WithSearcher(s => s.IndexReader));
    }

    [Fact]
    public void Correct_WordsTheCorpusDoesNotHave_NoSuggestion()
    {
        Assert.Null(_index.WithSearcher(s => QueryCorrector.Correct(s, "xyzzy")));
    }

    public void Dispose() => _index.Dispose();
}
