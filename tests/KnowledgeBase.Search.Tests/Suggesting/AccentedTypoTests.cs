using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Suggesting;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Suggesting;

/// <summary>Issue 13: a typo in a word typed with accents is corrected to the corpus's form, accents kept.</summary>
public sealed class AccentedTypoTests : IDisposable
{
    private readonly LuceneIndex _index = LuceneIndex.InMemory();

    public AccentedTypoTests()
    {
        // "các" (very frequent) is one edit from "cachh" folded, as "cách" is; the user typed "cáchh".
        var texts = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            texts.Add($"Các sở và các ngành báo cáo lần {i}.");
        }

        texts.Add("Cải cách hành chính là nhiệm vụ trọng tâm.");
        texts.Add("Tỉnh đẩy mạnh cải cách thủ tục.");
        _index.Upsert(TestDocuments.Text("00000000000000c1"), TestDocuments.Passages("00000000000000c1", [.. texts]));
        _index.CommitAsync().GetAwaiter().GetResult();
    }

    [Theory]
    [InlineData("cải cáchh", "cải cách")]
    [InlineData("cải cáchh hành chính", "cải cách hành chính")]
    [InlineData("Cải Cáchh", "Cải Cách")]
    public void Correct_TypoTypedWithAccents_KeepsAccentsAndCorpusForm(string typed, string expected)
    {
        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, typed));

        Assert.NotNull(correction);
        Assert.Equal(expected, correction.Query);
        Assert.Equal(CorrectionReason.SpellingCorrected, correction.Reason);
    }

    [Fact]
    public void Correct_TypoWithoutAccents_FewestEditsFirst()
    {
        var correction = _index.WithSearcher(s => QueryCorrector.Correct(s, "cai cachh hanh chinh"));

        Assert.Equal("cải cách hành chính", correction?.Query);
    }

    [Fact]
    public async Task Correct_WellFormedWordTheCorpusLacks_StaysAsTyped()
    {
        // A pasted question on a small corpus: "phép" is a word, not a typo of "pháp" (the seeds said "giấy pháp").
        using var index = LuceneIndex.InMemory();
        index.Upsert(TestDocuments.Text("00000000000000d1"), TestDocuments.Passages("00000000000000d1", "Thủ tục theo quy định của pháp luật.", "Pháp luật về xây dựng nhà ở.", "Lệ phí do ban quản lý thu."));
        await index.CommitAsync();

        Assert.Null(index.WithSearcher(s => QueryCorrector.Correct(s, "thủ tục cấp giấy phép xây dựng nhà ở")));
        // Plain in a question typed with accents, "bao" is meant as typed, not "ban".
        Assert.Null(index.WithSearcher(s => QueryCorrector.Correct(s, "lệ phí xây dựng nhà ở bao nhiêu")));
    }

    public void Dispose() => _index.Dispose();
}
