using System.Diagnostics;
using KnowledgeBase.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Evaluation;

/// <summary>
/// Analysis speed on the same passages, in passages per second: the production analysis of every indexed
/// text field (exact, folded and pairs, of text and title), the exact Vietnamese analyzer alone, and
/// Lucene's <see cref="StandardAnalyzer"/>. Each is run once to warm up, then timed.
/// </summary>
public sealed record AnalyzerThroughput(double ProductionPerSecond, double VietnamesePerSecond, double StandardPerSecond)
{
    public static AnalyzerThroughput Measure(IReadOnlyList<RelevancePassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        using var production = IndexAnalyzers.Create();
        using var vietnamese = new VietnameseAnalyzer(VietnameseAnalysis.Exact);
        using var standard = new StandardAnalyzer(LuceneSettings.Version);
        string[] productionFields = [IndexFields.Text, IndexFields.TextFolded, IndexFields.TextBigrams, IndexFields.Title, IndexFields.TitleFolded, IndexFields.TitleBigrams];
        return new AnalyzerThroughput(
            Rate(passages, p => productionFields.Sum(f => Consume(production, f, f.StartsWith(IndexFields.Title, StringComparison.Ordinal) ? p.Title : p.Text))),
            Rate(passages, p => Consume(vietnamese, IndexFields.Text, p.Title) + Consume(vietnamese, IndexFields.Text, p.Text)),
            Rate(passages, p => Consume(standard, IndexFields.Text, p.Title) + Consume(standard, IndexFields.Text, p.Text)));
    }

    private static double Rate(IReadOnlyList<RelevancePassage> passages, Func<RelevancePassage, int> analyze)
    {
        var sink = 0;
        foreach (var passage in passages)
        {
            sink += analyze(passage);
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var passage in passages)
        {
            sink += analyze(passage);
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        GC.KeepAlive(sink);
        return seconds > 0 ? passages.Count / seconds : double.PositiveInfinity;
    }

    private static int Consume(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var count = 0;
        while (stream.IncrementToken())
        {
            count += term.Length > 0 ? 1 : 0;
        }

        stream.End();
        return count;
    }
}
