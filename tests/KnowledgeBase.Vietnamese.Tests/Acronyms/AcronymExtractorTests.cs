using KnowledgeBase.Vietnamese.Acronyms;

namespace KnowledgeBase.Vietnamese.Tests.Acronyms;

public sealed class AcronymExtractorTests
{
    [Theory]
    [InlineData("Tỉnh đẩy mạnh cải cách hành chính (CCHC) trong năm qua.", "CCHC", "cải cách hành chính")]
    [InlineData("Kế hoạch CCHC (cải cách hành chính) năm 2015.", "CCHC", "cải cách hành chính")]
    [InlineData("Hội đồng nhân dân (sau đây gọi tắt là HĐND) quyết định.", "HĐND", "hội đồng nhân dân")]
    [InlineData("điểm trung bình học kỳ (ĐTBHK) từ 5,0", "ĐTBHK", "điểm trung bình học kỳ")]
    [InlineData("Bộ Giáo dục và Đào tạo (BGDĐT) ban hành", "BGDĐT", "bộ giáo dục và đào tạo")]
    [InlineData("cán bộ, công chức, viên chức (CBCCVC)", "CBCCVC", "cán bộ công chức viên chức")]
    [InlineData("Ủy ban nhân dân (UBND) tỉnh", "UBND", "ủy ban nhân dân")]
    public void Extract_Definition_FindsPair(string text, string acronym, string expansion)
    {
        var found = Assert.Single(AcronymExtractor.Extract(text));
        Assert.Equal(acronym, found.ShortForm);
        Assert.Equal(expansion, found.Expansion);
    }

    [Theory]
    [InlineData("Theo Luật Đất đai (2013) thì")]
    [InlineData("UBND (tỉnh Quảng Nam) đã")]
    [InlineData("nhiều tổ chức quốc tế (WHO) khuyến cáo")]
    [InlineData("không có ngoặc CCHC ở đây")]
    public void Extract_NoDefinition_FindsNothing(string text)
    {
        Assert.Empty(AcronymExtractor.Extract(text));
    }
}
