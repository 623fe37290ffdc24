using KnowledgeBase.Vietnamese.Syllables;

namespace KnowledgeBase.Vietnamese.Tests.Syllables;

public sealed class VietnameseSyllableTests
{
    [Theory]
    [InlineData("cải")]
    [InlineData("cách")]
    [InlineData("nghiêng")]
    [InlineData("khuỷu")]
    [InlineData("quốc")]
    [InlineData("quýt")]
    [InlineData("gì")]
    [InlineData("giếng")]
    [InlineData("hoà")]
    [InlineData("hòa")]
    [InlineData("thuỷ")]
    [InlineData("ĐƯỜNG")]
    [InlineData("nghề")]
    [InlineData("kỹ")]
    [InlineData("xoong")]
    [InlineData("tiếp")]
    public void IsValid_RealSyllable_IsTrue(string syllable) => Assert.True(VietnameseSyllable.IsValid(syllable));

    [Fact]
    public void IsValid_DecomposedInput_IsTrue() =>
        Assert.True(VietnameseSyllable.IsValid("tie\u0302\u0301ng"));

    [Theory]
    [InlineData("Giíi", false)]
    [InlineData("thiÖu", false)]
    [InlineData("Thieát", false)]
    [InlineData("mæn", false)]
    [InlineData("ke", true)] // k before e
    [InlineData("ce", false)] // c before e is misspelt
    [InlineData("ngi", false)]
    [InlineData("ghà", false)]
    [InlineData("hát", true)]
    [InlineData("hàt", false)] // -t takes only sắc or nặng
    [InlineData("cảá", false)]
    [InlineData("fix", false)]
    [InlineData("", false)]
    public void IsValid_MatchesSpellingRules(string token, bool expected)
    {
        Assert.Equal(expected, VietnameseSyllable.IsValid(token));
    }

    [Fact]
    public void Measure_CountsLikeVnvalid()
    {
        var statistics = SyllableStatistics.Measure("Giới thiệu chung về CPU và Giíi thiÖu 2024");

        Assert.Equal(5, statistics.Valid);
        Assert.Equal(2, statistics.Invalid);
        Assert.Equal(1, statistics.ForeignAscii);
        Assert.Equal(5 / 7.0, statistics.ValidShare!.Value, 6);
    }
}
