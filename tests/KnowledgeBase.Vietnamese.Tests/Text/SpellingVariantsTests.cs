using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Vietnamese.Tests.Text;

public sealed class SpellingVariantsTests
{
    [Theory]
    [InlineData("kì", "kỳ")]
    [InlineData("kỳ", "kì")]
    [InlineData("lí", "lý")]
    [InlineData("mĩ", "mỹ")]
    [InlineData("kĩ", "kỹ")]
    [InlineData("tỉ", "tỷ")]
    [InlineData("sỹ", "sĩ")]
    [InlineData("quí", "quý")]
    [InlineData("hy", "hi")]
    [InlineData("ky", "ki")]
    [InlineData("qui", "quy")]
    public void OtherIY_FinalIOrYAfterTheOnsetsThatAllowBoth_SwapsKeepingTheTone(string syllable, string expected)
    {
        Assert.Equal(expected, SpellingVariants.OtherIY(syllable));
    }

    [Theory]
    [InlineData("ý")]
    [InlineData("vi")]
    [InlineData("thi")]
    [InlineData("tin")]
    [InlineData("quyết")]
    [InlineData("khi")]
    [InlineData("tiêm")]
    [InlineData("my_")]
    public void OtherIY_OtherSyllables_None(string syllable)
    {
        Assert.Null(SpellingVariants.OtherIY(syllable));
    }

    [Fact]
    public void OfTerm_Pair_EachSyllableEitherWay()
    {
        Assert.Equal(["ki thuat"], SpellingVariants.OfTerm("ky thuat", ' '));
        Assert.Equal(["ki sy", "ky si", "ky sy"], SpellingVariants.OfTerm("ki si", ' '));
        Assert.Empty(SpellingVariants.OfTerm("cai cach", ' '));
    }
}
