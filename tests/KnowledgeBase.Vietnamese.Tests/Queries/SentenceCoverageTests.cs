using KnowledgeBase.Vietnamese.Queries;

namespace KnowledgeBase.Vietnamese.Tests.Queries;

public sealed class SentenceCoverageTests
{
    private static readonly Dictionary<string, double> Words = new(StringComparer.Ordinal) { ["hai"] = 1, ["dao"] = 2, ["seine"] = 3 };
    private static readonly Dictionary<string, double> Pairs = new(StringComparer.Ordinal) { ["hai dao"] = 2 };

    [Fact]
    public void Best_WordsTogether_FullCoverage()
    {
        Assert.Equal(1, SentenceCoverage.Best("Hai đảo nằm giữa sông Seine.", Words, Pairs), 6);
    }

    [Fact]
    public void Best_WordsSpreadOverSentences_BestSentenceOnly()
    {
        var spread = SentenceCoverage.Best("Hai người đi. Đảo xa. Sông Seine chảy.", Words, Pairs);
        Assert.Equal(((3.0 / 6) + 0) / 2, spread, 6);
    }

    [Fact]
    public void Best_RepeatedWord_CountedOnce()
    {
        Assert.Equal(((3.0 / 6) + 0) / 2, SentenceCoverage.Best("seine seine seine", Words, Pairs), 6);
    }

    [Fact]
    public void Best_NoQueryWeight_Zero()
    {
        Assert.Equal(0, SentenceCoverage.Best("bất kỳ", new Dictionary<string, double>(), Pairs));
    }
}
