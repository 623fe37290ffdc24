using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KnowledgeBase.Cli.Tests.Commands;

/// <summary><c>kb bench search</c> on a tiny generated passages file: the report's sections and numbers, no timings asserted.</summary>
public sealed partial class SearchBenchmarkTests : IDisposable
{
    private static readonly string[] Words =
    [
        "cải", "cách", "hành", "chính", "cấp", "tỉnh", "kế", "hoạch", "triển", "khai", "người", "dân", "doanh", "nghiệp",
        "thủ", "tục", "hồ", "sơ", "dịch", "vụ", "công", "trách", "nhiệm", "cơ", "quan", "tổ", "chức", "pháp", "luật", "quy", "định",
    ];

    private static readonly string[] Collections = ["luat", "hoi_dap", "bao_cao"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kb-bench-search-test-" + Guid.NewGuid().ToString("N"));

    public SearchBenchmarkTests()
    {
        Directory.CreateDirectory(_folder);
        var random = new Random(7);
        string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
        File.WriteAllLines(Passages, Enumerable.Range(0, 300).Select(i => JsonSerializer.Serialize(new
        {
            id = string.Create(CultureInfo.InvariantCulture, $"p{i}"),
            title = Sentence(5),
            text = Sentence(40) + ". " + Sentence(30) + ".",
            collection = Collections[i % Collections.Length],
        })));
        File.WriteAllLines(Queries, Enumerable.Range(0, 20).Select(i => JsonSerializer.Serialize(new
        {
            id = string.Create(CultureInfo.InvariantCulture, $"q{i}"),
            query = Sentence(4 + (i % 5)), // at least 4 words: 4 typed prefixes each
        })));
    }

    private string Passages => Path.Combine(_folder, "passages.jsonl");

    private string Queries => Path.Combine(_folder, "queries.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task BenchSearch_TinyFiles_ReportsIndexAndEveryModeWithPercentiles()
    {
        var (code, output, error) = await KbProcess.RunAsync(
            "bench", "search", "--passages", Passages, "--queries", Queries, "--warmup", "5", "--per-document", "10", "--threads", "2");

        Assert.True(code == 0, error + output);
        Assert.Contains("== index ==", output, StringComparison.Ordinal);
        Assert.Contains("passages: 300 in 30 documents", output, StringComparison.Ordinal);
        Assert.Matches(@"indexing: [\d.]+ s .*, \d+ passages/s", output);
        Assert.Matches(@"index size: [\d.]+ MB in \d+ segments", output);
        Assert.Contains("== service (in process", output, StringComparison.Ordinal);
        Assert.Contains("queries: 20 timed (every 1 of 20), warm-up 5", output, StringComparison.Ordinal);
        foreach (var (mode, requests) in new[] { ("page", 20), ("api", 20), ("bare", 20), ("suggest", 80) })
        {
            foreach (var threads in new[] { 1, 2 })
            {
                var row = Row().Matches(output).Single(m => m.Groups["mode"].Value == mode && m.Groups["threads"].Value == threads.ToString(CultureInfo.InvariantCulture));
                Assert.Equal(requests, int.Parse(row.Groups["requests"].Value, CultureInfo.InvariantCulture));
                Assert.Equal(0, int.Parse(row.Groups["errors"].Value, CultureInfo.InvariantCulture));
                var p50 = Number(row, "p50");
                var p95 = Number(row, "p95");
                var p99 = Number(row, "p99");
                Assert.True(p50 > 0 && p50 <= p95 && p95 <= p99, row.Value);
                Assert.True(Number(row, "rate") > 0, row.Value);
            }
        }
    }

    [Fact]
    public async Task BenchSearch_PerQuery_WritesEachRequestsLatencyInTheOrderOfItsPass()
    {
        var perQuery = Path.Combine(_folder, "per-query.jsonl");
        var (code, output, error) = await KbProcess.RunAsync(
            "bench", "search", "--passages", Passages, "--queries", Queries, "--warmup", "0", "--every", "2", "--modes", "bare,suggest", "--per-document", "10", "--threads", "2", "--per-query", perQuery);

        Assert.True(code == 0, error + output);
        var lines = File.ReadAllLines(perQuery).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var questions = File.ReadAllLines(Queries).Where((_, i) => i % 2 == 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("query").GetString()).ToList();
        foreach (var threads in new[] { 1, 2 })
        {
            // bare: one line a selected question, in the file's order, each with its own time.
            var bare = lines.Where(l => l.GetProperty("mode").GetString() == "bare" && l.GetProperty("threads").GetInt32() == threads).ToList();
            Assert.Equal(questions, bare.Select(l => l.GetProperty("request").GetString()));
            Assert.Equal(Enumerable.Range(0, questions.Count), bare.Select(l => l.GetProperty("i").GetInt32()));
            Assert.All(bare, l => Assert.True(l.GetProperty("ms").GetDouble() > 0));
            Assert.All(bare, l => Assert.Equal("queries.jsonl", l.GetProperty("set").GetString()));

            // suggest: its typed prefixes (four a question).
            Assert.Equal(4 * questions.Count, lines.Count(l => l.GetProperty("mode").GetString() == "suggest" && l.GetProperty("threads").GetInt32() == threads));
        }

        Assert.Equal(2 * 5 * questions.Count, lines.Count);
    }

    [Fact]
    public async Task BenchSearch_IndexBatch_LoadsAsAPipelineWithTheCatalogInItsTime()
    {
        var (code, output, error) = await KbProcess.RunAsync(
            "bench", "search", "--passages", Passages, "--queries", Queries, "--warmup", "0", "--every", "4", "--modes", "bare", "--per-document", "10", "--index-batch", "4", "--json");

        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        var indexing = json.RootElement.GetProperty("indexing");
        Assert.Equal(300, indexing.GetProperty("passages").GetInt32());
        Assert.Equal(30, indexing.GetProperty("documents").GetInt32());
        Assert.True(indexing.GetProperty("catalogOverlapped").GetBoolean());
        Assert.True(indexing.GetProperty("cpuSeconds").GetDouble() > 0);
        Assert.True(indexing.GetProperty("indexSeconds").GetDouble() >= indexing.GetProperty("catalogSeconds").GetDouble());
        var set = Assert.Single(json.RootElement.GetProperty("querySets").EnumerateArray());
        Assert.All(set.GetProperty("rows").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("errors").GetInt32()));
    }

    [Fact]
    public async Task BenchSearch_CommitAtTheEndAndMaxSegments_EndsWithOneSegmentAndTheSameResultsAsCommitsEvery50()
    {
        var everyFifty = Path.Combine(_folder, "every-50");
        var atTheEnd = Path.Combine(_folder, "at-the-end");
        var common = new[] { "bench", "search", "--passages", Passages, "--queries", Queries, "--warmup", "0", "--every", "10", "--modes", "bare", "--per-document", "10", "--index-batch", "4", "--keep", "--json" };

        var (code, output, error) = await KbProcess.RunAsync([.. common, "--index", everyFifty, "--commit-every", "50"]);
        Assert.True(code == 0, error + output);
        using (var json = JsonDocument.Parse(output))
        {
            var indexing = json.RootElement.GetProperty("indexing");
            Assert.Equal(50, indexing.GetProperty("commitEvery").GetInt32());
            Assert.True(indexing.GetProperty("segments").GetInt32() >= 3, indexing.ToString());
            Assert.False(indexing.TryGetProperty("optimize", out _));
        }

        (code, output, error) = await KbProcess.RunAsync([.. common, "--index", atTheEnd, "--commit-every", "0", "--max-segments", "1"]);
        Assert.True(code == 0, error + output);
        using (var json = JsonDocument.Parse(output))
        {
            var indexing = json.RootElement.GetProperty("indexing");
            Assert.Equal(300, indexing.GetProperty("passages").GetInt32());
            Assert.Equal(0, indexing.GetProperty("commitEvery").GetInt32());
            Assert.Equal(1, indexing.GetProperty("segments").GetInt32());
            var optimize = indexing.GetProperty("optimize");
            Assert.Equal(1, optimize.GetProperty("maxSegments").GetInt32());
            Assert.True(optimize.GetProperty("segmentsBefore").GetInt32() >= 1);
            Assert.True(optimize.GetProperty("peakMb").GetDouble() >= optimize.GetProperty("mbBefore").GetDouble());
        }

        string[] queries = ["\"cải cách\"", "\"thủ tục\""];
        var before = new List<string>();
        foreach (var query in queries)
        {
            before.Add(await HitsAsync(everyFifty, query));
            Assert.Equal(before[^1], await HitsAsync(atTheEnd, query));
        }

        // kb optimize on the folder of many segments (no app holds it: kb merges itself).
        (code, output, error) = await KbProcess.RunAsync("--data", everyFifty, "optimize", "--max-segments", "1");
        Assert.True(code == 0, error + output);
        Assert.Matches(@"Optimized the index: \d+ segments into 1 in [\d.]+ s; [\d,]+ MB before, [\d,]+ MB after, at most [\d,]+ MB on disk meanwhile\.", output);
        Assert.Single(Directory.GetFiles(Path.Combine(everyFifty, "lucene"), "*.si"));
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal(before[i], await HitsAsync(everyFifty, queries[i]));
        }
    }

    /// <summary>
    /// The passages <c>kb search</c> finds in a data folder (all of them: fewer than a page) and their scores, each in a
    /// stable order (passages tied but for their document may swap scores with the order of the index, which a merge changes).
    /// </summary>
    private static async Task<string> HitsAsync(string data, string query)
    {
        var (code, output, error) = await KbProcess.RunAsync("--data", data, "search", query, "--top", "100", "--json");
        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        var hits = json.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.InRange(hits.Count, 1, 99);
        var passages = hits.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.GetProperty("documentId").GetString()}/{h.GetProperty("ordinal").GetInt32()}")).Order(StringComparer.Ordinal);
        var scores = hits.Select(h => h.GetProperty("score").GetDouble()).Order().Select(s => s.ToString("R", CultureInfo.InvariantCulture));
        return string.Join(' ', passages) + " | " + string.Join(' ', scores);
    }

    [Fact]
    public async Task BenchSearch_Json_PrintsTheSameReport()
    {
        var (code, output, error) = await KbProcess.RunAsync(
            "bench", "search", "--passages", Passages, "--queries", Queries, "--warmup", "0", "--every", "2", "--modes", "api,suggest", "--json");

        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(300, json.RootElement.GetProperty("indexing").GetProperty("passages").GetInt32());
        var set = Assert.Single(json.RootElement.GetProperty("querySets").EnumerateArray());
        Assert.Equal(10, set.GetProperty("selected").GetInt32());
        var rows = set.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["api", "suggest"], rows.Select(r => r.GetProperty("mode").GetString()));
        Assert.All(rows, r => Assert.True(r.GetProperty("p50Ms").GetDouble() > 0));
    }

    private static double Number(Match row, string group) => double.Parse(row.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<mode>page|api|bare|suggest) +(?<threads>\d+) +(?<requests>\d+) +(?<errors>\d+) +(?<p50>[\d.]+) +(?<p95>[\d.]+) +(?<p99>[\d.]+) +(?<mean>[\d.]+) +(?<max>[\d.]+) +(?<rate>[\d.]+)", RegexOptions.Multiline)]
    private static partial Regex Row();
}
