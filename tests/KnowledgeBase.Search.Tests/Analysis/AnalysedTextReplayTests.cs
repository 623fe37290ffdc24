using System.Globalization;
using System.Text;
using KnowledgeBase.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Tests.Analysis;

/// <summary>
/// The token list (<see cref="AnalysedText"/>) replayed by <see cref="AnalysedTextReplay"/> gives, field by field, the
/// tokens of the per-field analyzers (<see cref="VietnameseAnalyzer"/>): the same terms, position increments and
/// offsets, and the same final offset — also when one replay serves several texts in turn, and when the text is NFD,
/// upper case, full of codes, đ, punctuation, over-long tokens or empty.
/// </summary>
public sealed class AnalysedTextReplayTests
{
    private static readonly string[] Pieces =
    [
        "Cải", "cách", "HÀNH", "chính", "đăng", "Ký", "hộ", "tịch", "ĐẤT", "đai", "hoà", "hòa", "thuỷ", "thủy", "Nghị", "định",
        "15/2020/NĐ-CP", "số", "123", "ngày", "1.5", "3,5", "75.000.000", "Đà", "Nẵng", "UBND", "tỉnh,", "quy", "định:", "điều",
        "(a)", "khoản", "đ)", "x.y-z", "Quốc", "hội.", "COVID-19", "TP.HCM", "30c/NQ-CP", "a-b-c-d-e", "Điều 5.", "—", "-", "…",
        "“trích”", "\n", "\n\n", "\t", "e-mail", "ĐĐ", "đ", "Ð", "ß", "İstanbul", "ǅ", "Ω", "Ⅻ", "x²", "١٢٣", "日本",
        "Hoa\u0300", "Đa\u0323i", "HOA\u0300", "nghi\u0323", "\u0301", new string('a', 70), new string('đ', 65), "a/" + new string('b', 70),
        string.Join('-', Enumerable.Range(0, 70).Select(i => i.ToString(CultureInfo.InvariantCulture))),
    ];

    public static TheoryData<VietnameseAnalysis> Analyses => [VietnameseAnalysis.Exact, VietnameseAnalysis.Folded, VietnameseAnalysis.FoldedBigrams];

    [Theory]
    [MemberData(nameof(Analyses))]
    public void Replay_GivesThePerFieldAnalyzersTokens(VietnameseAnalysis analysis)
    {
        var random = new Random(11);
        using var analyzer = new VietnameseAnalyzer(analysis);
        var replay = new AnalysedTextReplay(analysis);
        var texts = Enumerable.Range(0, 400).Select(_ => Text(random)).Concat(["", " ", ".", "đ", "Đ-đ", "a", "a b"]).ToList();
        foreach (var text in texts)
        {
            var expected = Tokens(analyzer.GetTokenStream("f", text));
            var actual = Tokens(replay.SetText(AnalysedText.Of(text)));
            Assert.True(expected.SequenceEqual(actual), $"{analysis} of \"{text}\":\n{string.Join('\n', expected)}\n---\n{string.Join('\n', actual)}");
        }
    }

    [Fact]
    public void Replay_SameTextTwice_GivesTheSameTokensBothTimes()
    {
        var text = AnalysedText.Of("Đất đai, 15/2020/NĐ-CP: cải cách hành chính");
        foreach (var analysis in new[] { VietnameseAnalysis.Exact, VietnameseAnalysis.Folded, VietnameseAnalysis.FoldedBigrams })
        {
            var replay = new AnalysedTextReplay(analysis, text);
            var first = Tokens(replay);
            Assert.NotEmpty(first);
            Assert.Equal(first, Tokens(replay.SetText(text)));
        }
    }

    private static string Text(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(0, 40);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
            builder.Append(random.Next(8) switch { 0 => "", 1 => ", ", 2 => ". ", 3 => "\n", _ => " " });
        }

        return builder.ToString();
    }

    private static List<string> Tokens(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<string>();
        try
        {
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add(string.Create(CultureInfo.InvariantCulture, $"{term} +{increment.PositionIncrement} [{offset.StartOffset},{offset.EndOffset})"));
            }

            stream.End();
            tokens.Add(string.Create(CultureInfo.InvariantCulture, $"end +{increment.PositionIncrement} [{offset.StartOffset},{offset.EndOffset})"));
        }
        finally
        {
            stream.Dispose();
        }

        return tokens;
    }
}
