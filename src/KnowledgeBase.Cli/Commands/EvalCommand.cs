using System.CommandLine;
using System.Globalization;
using KnowledgeBase.Search;
using KnowledgeBase.Search.Evaluation;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb eval --passages P.jsonl --queries Q.jsonl [--strip-diacritics] [--run OUT.tsv] [--k 10] [--weights "Name=value …"]</c>: builds a
/// temporary in-memory index of the passages with the production analysis, runs every query through the
/// production search path and prints n, MRR@10, Recall@1/5/10 and nDCG@10, then the index and query
/// times (median latency included) and the analysis speed next to Lucene's StandardAnalyzer.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var passages = new Option<FileInfo>("--passages") { Description = "Passages, one {\"id\",\"title\",\"text\"} per line", Required = true };
        var queries = new Option<FileInfo>("--queries") { Description = "Queries, one {\"id\",\"query\",\"relevant\":[ids]} per line", Required = true };
        var strip = new Option<bool>("--strip-diacritics") { Description = "Remove every diacritic from the queries (đ → d) before searching" };
        var run = new Option<FileInfo?>("--run") { Description = "Write a TREC run file: query_id Q0 passage_id rank score kb" };
        var k = new Option<int>("--k") { Description = "Passages per query in the run file (metrics use the top 10)", DefaultValueFactory = _ => 10 };
        var weights = new Option<string?>("--weights") { Description = "Ranking weights other than the default, as kb tune names them (\"SpellingVariant=0 B=0.75\")" };
        var common = new Option<double?>("--common-term-share") { Description = "Search:CommonTermShare for these searches (default: the production setting; 0 = off)" };
        var pruning = new Option<string?>("--pruning") { Description = "Search:Pruning for these searches: on or off (default: the production setting)" };
        pruning.AcceptOnlyFromAmong("on", "off");
        var command = new Command("eval", "Measure ranking quality on a relevance collection") { passages, queries, strip, run, k, weights, common, pruning };
        command.SetAction(result => Execute(
            result.GetValue(passages)!,
            result.GetValue(queries)!,
            result.GetValue(strip),
            result.GetValue(run),
            result.GetValue(k),
            result.GetValue(weights),
            result.GetValue(common),
            result.GetValue(pruning) is { } p ? p == "on" : KnowledgeBase.Search.SearchOptions.DefaultPruning,
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(FileInfo passagesFile, FileInfo queriesFile, bool strip, FileInfo? runFile, int k, string? weightSettings, double? commonTermShare, bool pruning, TextWriter output, TextWriter error)
    {
        if (k is < 1 or > 100)
        {
            error.WriteLine("--k must be between 1 and 100.");
            return 2;
        }

        if (commonTermShare is < 0 or > 1)
        {
            error.WriteLine("--common-term-share must be between 0 and 1.");
            return 2;
        }

        RankingWeights weights;
        try
        {
            weights = WeightSettings.Parse(weightSettings ?? string.Empty);
        }
        catch (FormatException e)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        IReadOnlyList<RelevancePassage> passages;
        IReadOnlyList<RelevanceQuery> queries;
        try
        {
            passages = RelevanceCollections.ReadPassages(passagesFile.FullName);
            queries = RelevanceCollections.ReadQueries(queriesFile.FullName);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            error.WriteLine(e.Message);
            return 1;
        }

        using var evaluator = new RelevanceEvaluator(passages, weights, commonTermShare ?? KnowledgeBase.Search.SearchOptions.DefaultCommonTermShare, pruning);
        var results = evaluator.Run(queries, strip, Math.Max(k, 10));
        var metrics = RelevanceMetrics.Compute(queries, results);
        var throughput = AnalyzerThroughput.Measure(passages);
        var latencies = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToList();
        var querySeconds = latencies.Sum() / 1000;
        var refused = results.Count(r => r.Refused is not null);

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{Path.GetFileName(Path.GetDirectoryName(passagesFile.FullName))}{(strip ? " (diacritics stripped)" : string.Empty)}{(pruning ? string.Empty : " (pruning off)")}"));
        output.WriteLine(string.Create(c, $"n={metrics.Count} MRR@10={metrics.Mrr10:F4} R@1={metrics.Recall1:F4} R@5={metrics.Recall5:F4} R@10={metrics.Recall10:F4} nDCG@10={metrics.Ndcg10:F4}"));
        output.WriteLine(string.Create(c, $"index: {passages.Count} passages in {evaluator.IndexTime.TotalSeconds:F2} s ({passages.Count / Math.Max(evaluator.IndexTime.TotalSeconds, 1e-9):F0} passages/s)"));
        output.WriteLine(string.Create(c, $"query: {queries.Count} queries in {querySeconds:F2} s; latency median {Statistics.Percentile(latencies, 50):F2} ms, p95 {Statistics.Percentile(latencies, 95):F2} ms, max {(latencies.Count > 0 ? latencies[^1] : 0):F2} ms{(refused > 0 ? $"; {refused} refused by the parser" : string.Empty)}"));
        output.WriteLine(string.Create(c, $"analysis: production (exact, folded, pairs of text and title) {throughput.ProductionPerSecond:F0} passages/s; Vietnamese analyzer {throughput.VietnamesePerSecond:F0} passages/s; Lucene StandardAnalyzer {throughput.StandardPerSecond:F0} passages/s"));

        if (runFile is not null)
        {
            using var writer = new StreamWriter(runFile.FullName);
            foreach (var result in results)
            {
                for (var i = 0; i < Math.Min(k, result.PassageIds.Count); i++)
                {
                    writer.WriteLine(string.Create(c, $"{result.QueryId} Q0 {result.PassageIds[i]} {i + 1} {result.Scores[i]:G9} kb"));
                }
            }
        }

        return 0;
    }
}
