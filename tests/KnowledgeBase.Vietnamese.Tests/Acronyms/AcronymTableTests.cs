using KnowledgeBase.Vietnamese.Acronyms;
using KnowledgeBase.Vietnamese.Queries;

namespace KnowledgeBase.Vietnamese.Tests.Acronyms;

public sealed class AcronymTableTests
{
    [Theory]
    [InlineData("CCHC", "cải cách hành chính")]
    [InlineData("cchc", "cải cách hành chính")]
    [InlineData("UBND", "ủy ban nhân dân")]
    [InlineData("HĐND", "hội đồng nhân dân")]
    [InlineData("HDND", "hội đồng nhân dân")]
    [InlineData("NĐ-CP", "nghị định chính phủ")]
    public void ExpansionsOf_CuratedAcronym_GivesExpansion(string typed, string expansion)
    {
        var term = QueryTerms.Analyze(typed)[0];
        Assert.Contains(AcronymTable.Curated.ExpansionsOf(term), a => a.Expansion == expansion);
    }

    [Fact]
    public void ExpansionsOf_LowerCaseSyllable_IsNotAnAcronym()
    {
        // "tha" (to forgive) is a word; THA (thi hành án) only when typed in capitals.
        Assert.Empty(AcronymTable.Curated.ExpansionsOf(QueryTerms.Analyze("tha")[0]));
        Assert.NotEmpty(AcronymTable.Curated.ExpansionsOf(QueryTerms.Analyze("THA")[0]));
    }

    [Theory]
    [InlineData("kế hoạch cải cách hành chính tỉnh", "CCHC")]
    [InlineData("ke hoach cai cach hanh chinh", "CCHC")]
    [InlineData("Uỷ ban nhân dân xã", "UBND")]
    public void FindExpansions_SpelledOut_GivesAcronym(string query, string acronym)
    {
        var match = Assert.Single(AcronymTable.Curated.FindExpansions(QueryTerms.Analyze(query)), m => m.Acronym.ShortForm == acronym);
        Assert.Equal(acronym, match.Acronym.ShortForm);
    }

    [Fact]
    public void FindExpansions_DifferentAccents_DoesNotMatch()
    {
        Assert.DoesNotContain(AcronymTable.Curated.FindExpansions(QueryTerms.Analyze("cái cách hành chính")), m => m.Acronym.ShortForm == "CCHC");
    }
}
