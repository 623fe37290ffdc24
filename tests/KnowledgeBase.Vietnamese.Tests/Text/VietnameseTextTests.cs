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

    [Theory]
    [InlineData("đường", "đuong")]
    [InlineData("Đà Nẵng", "Đa Nang")]
    public void FoldKeepingDStroke_KeepsDStrokeOnly(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.FoldKeepingDStroke(input));
    }

    [Fact]
    public void Fold_UnaccentedText_ReturnsSameInstance()
    {
        const string text = "cai cach";
        Assert.Same(text, VietnameseText.Fold(text));
    }

    [Fact]
    public void ToNfc_CharactersOfTheFastPath_AreAllNfcStable()
    {
        // ToNfc skips ICU for text made only of these; ICU must agree that each is NFC on its own.
        var chars = Enumerable.Range(1, 0x2FF).Concat(Enumerable.Range(0x1E00, 0x100)).Select(c => ((char)c).ToString());
        Assert.All(chars, c => Assert.True(c.IsNormalized(System.Text.NormalizationForm.FormC), $"U+{(int)c[0]:X4}"));
    }

    [Theory]
    [InlineData("Cải cách hành chính", "Cải cách hành chính")]
    [InlineData("Ca\u0309i ca\u0301ch", "Cải cách")]
    [InlineData("\u01B0\u0323", "ự")]
    [InlineData("Ω\u212B", "Ω\u00C5")]
    public void ToNfc_ComposesWhatNeedsIt(string input, string expected)
    {
        Assert.Equal(expected, VietnameseText.ToNfc(input));
    }
}
