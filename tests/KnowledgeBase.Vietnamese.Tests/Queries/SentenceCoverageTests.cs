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

    [Fact]
    public void Best_SpellingVariants_OtherIYSpellingCounts()
    {
        // The query "kĩ thuật" (folded "ki", "thuat"); the passage writes "kỹ thuật".
        var words = new Dictionary<string, double>(StringComparer.Ordinal) { ["ki"] = 1, ["thuat"] = 1 };
        var pairs = new Dictionary<string, double>(StringComparer.Ordinal) { ["ki thuat"] = 1 };

        Assert.Equal(1, SentenceCoverage.Best("Ngành kỹ thuật phần mềm.", words, pairs, spellingVariants: true), 6);
        Assert.Equal(0.25, SentenceCoverage.Best("Ngành kỹ thuật phần mềm.", words, pairs), 6);
    }
}
