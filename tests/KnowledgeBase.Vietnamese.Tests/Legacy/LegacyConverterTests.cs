using KnowledgeBase.Vietnamese.Legacy;

namespace KnowledgeBase.Vietnamese.Tests.Legacy;

public sealed class LegacyConverterTests
{
    [Theory]
    [InlineData("Giíi thiÖu chung", "Giới thiệu chung")]
    [InlineData("m¸y tÝnh ®iÖn tö", "máy tính điện tử")]
    [InlineData("Ch\u00AD¬ng tr×nh", "Chương trình")]
    [InlineData("L\u00ADu tr÷ d÷ liÖu", "Lưu trữ dữ liệu")]
    public void Tcvn3_ToUnicode_ConvertsMojibake(string legacy, string expected) =>
        Assert.Equal(expected, Tcvn3Converter.ToUnicode(legacy));

    [Fact]
    public void Tcvn3_CapitalsFont_UpperCases() =>
        Assert.Equal("CHƯƠNG 1", LegacyText.ToUnicode("Ch\u00AD¬ng 1", LegacyEncoding.Tcvn3, capitals: true));

    [Theory]
    [InlineData("Thieát Keá Heä Thoáng Soá", "Thiết Kế Hệ Thống Số")]
    [InlineData("Chöông 1. CAÙC KHAÙI NIEÄM CÔ BAÛN", "Chương 1. CÁC KHÁI NIỆM CƠ BẢN")]
    [InlineData("Ñeà Cöông Muïc Ñích", "Đề Cương Mục Đích")]
    [InlineData("ngöôøi", "người")]
    public void Vni_ToUnicode_ConvertsMojibake(string legacy, string expected) =>
        Assert.Equal(expected, VniConverter.ToUnicode(legacy));

    [Theory]
    [InlineData("CTYNCK+VnTimeHBold", LegacyEncoding.Tcvn3)]
    [InlineData(".VnArial", LegacyEncoding.Tcvn3)]
    [InlineData("FZFCUT+VNI-Meli", LegacyEncoding.Vni)]
    [InlineData("VNI-Times", LegacyEncoding.Vni)]
    [InlineData("XSDNTD+VNR12", LegacyEncoding.None)]
    [InlineData("Times New Roman,Bold", LegacyEncoding.None)]
    [InlineData(null, LegacyEncoding.None)]
    public void Classify_FontName_GivesEncoding(string? font, LegacyEncoding expected) =>
        Assert.Equal(expected, LegacyFontClassifier.Classify(font));

    [Theory]
    [InlineData("YPZTIW+VnTimeH", true)]
    [InlineData("CTYNCK+VnTimeHBold", true)]
    [InlineData("TVKLGC+VnTime", false)]
    [InlineData("VnTimeItalic", false)]
    public void IsCapitalsFont_HFamily_IsCapitals(string font, bool expected) =>
        Assert.Equal(expected, LegacyFontClassifier.IsCapitalsFont(font));

    [Theory]
    [InlineData("C¸c chøc n¨ng c¬ b¶n cña m¸y tÝnh: L\u00ADu tr÷ d÷ liÖu, Xö lý d÷ liÖu, Trao ®æi d÷ liÖu, §iÒu khiÓn.", LegacyEncoding.Tcvn3, "Các chức năng cơ bản của máy tính: Lưu trữ dữ liệu, Xử lý dữ liệu, Trao đổi dữ liệu, Điều khiển.")]
    [InlineData("Sau khi hoaøn thaønh chöông naøy, baïn phaûi naém ñöôïc kieán thöùc veà heä thoáng soá.", LegacyEncoding.Vni, "Sau khi hoàn thành chương này, bạn phải nắm được kiến thức về hệ thống số.")]
    public void Detector_LegacyText_IsRepaired(string legacy, LegacyEncoding expectedEncoding, string expected)
    {
        var (text, encoding) = LegacyEncodingDetector.Repair(legacy);

        Assert.Equal(expectedEncoding, encoding);
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("Cải cách hành chính ở cấp tỉnh được triển khai đồng bộ.")]
    [InlineData("Café, naïve résumé: déjà vu à la carte, señor.")]
    [InlineData("Bëmæn ¤i sè - X¡c su§t Thèng k¶ 8-2018, Y¶u c¦u chung")]
    [InlineData("plain ASCII text with no accents at all")]
    public void Detector_TextThatIsNotLegacy_IsLeftAlone(string text)
    {
        var (repaired, encoding) = LegacyEncodingDetector.Repair(text);

        Assert.Equal(LegacyEncoding.None, encoding);
        Assert.Equal(text, repaired);
    }
}
