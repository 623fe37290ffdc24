using KnowledgeBase.Vietnamese.Queries;

namespace KnowledgeBase.Vietnamese.Tests.Words;

public sealed class QueryFillersTests
{
    [Theory]
    [InlineData("Thủ tục đăng ký thường trú cần những giấy tờ gì?", "thủ tục đăng ký thường trú cần những giấy tờ")]
    [InlineData("Thu tuc dang ky thuong tru can nhung giay to gi?", "thu tuc dang ky thuong tru can nhung giay to")]
    [InlineData("Tôi có tiêm vaccine được không ạ?", "tôi có tiêm vaccine")]
    [InlineData("Hành vi nào bị nghiêm cấm, đúng hay sai?", "hành vi bị nghiêm cấm")]
    [InlineData("Nồng độ pH của nước biển khoảng bao nhiêu?", "nồng độ ph của nước biển khoảng")]
    [InlineData("Điều kiện tốt nghiệp như thế nào?", "điều kiện tốt nghiệp")]
    public void Analyze_Question_DropsQuestionWordsAndParticles(string query, string content)
    {
        Assert.Equal(content, Content(query));
    }

    [Fact]
    public void Analyze_NegationInsideSentence_IsKept()
    {
        Assert.Equal("người xem không được xem phim", Content("Người xem không được xem phim"));
    }

    // "dau" may be đầu (head, start), not only the question word đâu.
    [Theory]
    [InlineData("bat dau", "bat dau")]
    [InlineData("nha o dau", "nha o dau")]
    [InlineData("nhà ở đâu", "nhà")]
    public void Analyze_AmbiguousWithoutAccents_IsKept(string query, string content)
    {
        Assert.Equal(content, Content(query));
    }

    [Fact]
    public void Analyze_OnlyFillers_KeepsEverything()
    {
        Assert.Equal("bao nhiêu", Content("bao nhiêu?"));
    }

    private static string Content(string query) =>
        string.Join(' ', QueryTerms.Analyze(query).Where(t => !t.IsFiller).Select(t => t.Exact));
}
