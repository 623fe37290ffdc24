using System.Text;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Vietnamese.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("cải cách hành chính", "cai cach hanh chinh")]
    [InlineData("Đà Nẵng", "Da Nang")]
    [InlineData("đường", "duong")]
    public void Fold_AccentedText_RemovesEveryDiacritic(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(input));
        Assert.Equal(expected, VietnameseText.Fold(input.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void FoldKeepingDStroke_KeepsDStrokeOnly()
    {
        Assert.Equal("đuong", VietnameseText.FoldKeepingDStroke("đường"));
        Assert.Equal("Đa Nang", VietnameseText.FoldKeepingDStroke("Đà Nẵng"));
    }

    [Fact]
    public void Fold_UnaccentedText_ReturnsSameInstance()
    {
        const string text = "cai cach";
        Assert.Same(text, VietnameseText.Fold(text));
    }
}
