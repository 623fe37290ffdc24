using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Tests.Testing;

/// <summary>Asserts what an analyzer makes of a text: terms, and optionally position increments and offsets.</summary>
public static class TokenStreamAssert
{
    public static void Produces(Analyzer analyzer, string field, string text, string[] terms, int[]? positionIncrements = null, (int Start, int End)[]? offsets = null)
    {
        var actual = Analyze(analyzer, field, text);
        Assert.Equal(terms, actual.Select(t => t.Term));
        if (positionIncrements is not null)
        {
            Assert.Equal(positionIncrements, actual.Select(t => t.PositionIncrement));
        }

        if (offsets is not null)
        {
            Assert.Equal(offsets, actual.Select(t => (t.Start, t.End)));
        }
    }

    public static List<(string Term, int PositionIncrement, int Start, int End)> Analyze(Analyzer analyzer, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var tokens = new List<(string, int, int, int)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}
