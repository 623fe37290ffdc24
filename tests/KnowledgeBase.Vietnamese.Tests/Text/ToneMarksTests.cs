using System.Text;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Vietnamese.Tests.Text;

public sealed class ToneMarksTests
{
    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("hòa", "hòa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("thủy", "thủy")]
    [InlineData("khoẻ", "khỏe")]
    [InlineData("khỏe", "khỏe")]
    [InlineData("qúy", "quý")]
    [InlineData("quý", "quý")]
    [InlineData("uỷ", "ủy")]
    [InlineData("Hoà", "Hòa")]
    [InlineData("HOÀ", "HÒA")]
    [InlineData("hòan", "hoàn")]
    [InlineData("hoàn", "hoàn")]
    [InlineData("quốc", "quốc")]
    [InlineData("giữa", "giữa")]
    [InlineData("gìn", "gìn")]
    [InlineData("người", "người")]
    [InlineData("ngừơi", "người")]
    [InlineData("khuỷu", "khuỷu")]
    [InlineData("xoài", "xoài")]
    [InlineData("mùa", "mùa")]
    [InlineData("huỳnh", "huỳnh")]
    public void Normalize_BothPlacements_GiveOneSpelling(string input, string expected)
    {
        Assert.Equal(expected, ToneMarks.Normalize(input));
    }

    [Theory]
    [InlineData("cai")]
    [InlineData("30c")]
    [InlineData("covid")]
    [InlineData("hòàa")]
    [InlineData("a")]
    public void Normalize_NotAToneMarkedSyllable_ReturnsSameInstance(string input)
    {
        Assert.Same(input, ToneMarks.Normalize(input));
    }

    [Fact]
    public void NormalizeTerm_DecomposedOldPlacement_EqualsComposedNewPlacement()
    {
        var nfdOld = "Hoà".Normalize(NormalizationForm.FormD);
        Assert.Equal("hòa", VietnameseText.NormalizeTerm(nfdOld));
        Assert.Equal(VietnameseText.NormalizeTerm("THUỶ"), VietnameseText.NormalizeTerm("thủy"));
    }
}
