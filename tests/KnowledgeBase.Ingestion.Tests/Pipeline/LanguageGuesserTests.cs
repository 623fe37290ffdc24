using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Pipeline;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

public sealed class LanguageGuesserTests
{
    [Theory]
    [InlineData("Sau hơn bốn năm thực hiện chương trình, tất cả năm tỉnh đã đạt được những tiến bộ đáng kể.", "vi")]
    [InlineData("The provinces made steady progress in the reform of public administration over the period.", "en")]
    [InlineData("Hop dong the chap", "und")]
    [InlineData("", "und")]
    public void Guess_FromTheWords(string text, string expected)
    {
        var pages = new[] { new ExtractedPage { Number = 1, Blocks = text.Length == 0 ? [] : [new TextBlock(text)] } };
        Assert.Equal(expected, LanguageGuesser.Guess(pages));
    }
}
