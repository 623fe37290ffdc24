using KnowledgeBase.Vietnamese.Queries;

namespace KnowledgeBase.Vietnamese.Tests.Queries;

public sealed class QueryTermsTests
{
    [Fact]
    public void Analyze_AccentTypedQuery_ToneLessSyllableMeantExactly()
    {
        var terms = QueryTerms.Analyze("người nghiện ma túy");
        Assert.True(terms.Single(t => t.Exact == "ma").ExactIntended);
    }

    [Fact]
    public void Analyze_PartlyAccentedQuery_BareSyllableStandsForAnyAccents()
    {
        var terms = QueryTerms.Analyze("cai cách");
        Assert.False(terms[0].ExactIntended);
        Assert.True(terms[1].ExactIntended);
    }

    [Fact]
    public void Analyze_UnaccentedQuery_ForeignWordsAndNumbersStillExact()
    {
        var terms = QueryTerms.Analyze("tiem vaccine 2021");
        Assert.Equal([false, true, true], terms.Select(t => t.ExactIntended));
    }

    [Fact]
    public void Analyze_TypedDStroke_FoldedMatchKeepsIt()
    {
        var terms = QueryTerms.Analyze("đất dat");
        Assert.Equal(["đat", "dat"], terms.Select(t => t.FoldedMatch));
    }

    [Theory]
    [InlineData("Quốc tịch của Messi?", "messi")]
    [InlineData("Diện tích Ấn Độ Dương?", "ấn độ dương")]
    [InlineData("roosevelt đã bay đến đâu", "roosevelt")]
    public void Analyze_NamesAndForeignWords_MarkedAsNames(string query, string names)
    {
        Assert.Equal(names, string.Join(' ', QueryTerms.Analyze(query).Where(t => t.IsName).Select(t => t.Exact)));
    }

    [Fact]
    public void Analyze_SentenceStartAndAcronym_NotNames()
    {
        Assert.DoesNotContain(QueryTerms.Analyze("Thủ tục của UBND"), t => t.IsName);
    }
}
