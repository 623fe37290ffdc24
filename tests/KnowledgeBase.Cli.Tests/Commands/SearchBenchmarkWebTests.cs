using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Cli.Commands.Bench;

namespace KnowledgeBase.Cli.Tests.Commands;

/// <summary>
/// <c>kb bench search</c>'s load options: <c>--clients</c>, <c>--duration</c> and <c>--web-url</c> parsed and refused,
/// and <c>--web-only --clients</c> against the real app on a tiny index: the JSON report's shape (load rows, memory,
/// start to first answer), no timings asserted.
/// </summary>
public sealed class SearchBenchmarkWebTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kb-bench-web-test-" + Guid.NewGuid().ToString("N"));

    public SearchBenchmarkWebTests()
    {
        Directory.CreateDirectory(_folder);
        string[] words = ["cải", "cách", "hành", "chính", "cấp", "tỉnh", "kế", "hoạch", "người", "dân", "thủ", "tục", "hồ", "sơ"];
        var random = new Random(5);
        string Sentence(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
        File.WriteAllLines(Passages, Enumerable.Range(0, 60).Select(i => JsonSerializer.Serialize(new
        {
            id = string.Create(CultureInfo.InvariantCulture, $"p{i}"),
            title = Sentence(4),
            text = Sentence(30) + ".",
        })));
        File.WriteAllLines(Queries, Enumerable.Range(0, 6).Select(i => JsonSerializer.Serialize(new
        {
            id = string.Create(CultureInfo.InvariantCulture, $"q{i}"),
            query = Sentence(3),
        })));
    }

    private string Passages => Path.Combine(_folder, "passages.jsonl");

    private string Queries => Path.Combine(_folder, "queries.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WebApp_IsTheBuildOfTheRepositoryKbRunsFrom_NotTheCurrentFolders()
    {
        // Two checkouts, each with a Release web build: kb of the first, started from the second.
        string Checkout(string name)
        {
            var root = Path.Combine(_folder, name);
            Directory.CreateDirectory(Path.Combine(root, "src", "KnowledgeBase.Web", "bin", "Release", "net10.0"));
            Directory.CreateDirectory(Path.Combine(root, "src", "KnowledgeBase.Cli", "bin", "Release", "net10.0"));
            File.WriteAllText(Path.Combine(root, "KnowledgeBase.sln"), string.Empty);
            File.WriteAllText(Path.Combine(root, "src", "KnowledgeBase.Web", "bin", "Release", "net10.0", "KnowledgeBase.Web.dll"), name);
            return root;
        }

        var ours = Checkout("ours");
        var other = Checkout("other");
        var kb = Path.Combine(ours, "src", "KnowledgeBase.Cli", "bin", "Release", "net10.0") + Path.DirectorySeparatorChar;

        Assert.Equal(Path.Combine(ours, "src", "KnowledgeBase.Web", "bin", "Release", "net10.0", "KnowledgeBase.Web.dll"), WebAppBuild.Locate(kb, other));

        // kb outside any checkout (a published build): the configured base directory's build.
        var published = Path.Combine(_folder, "published", "Release", "kb") + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(published);
        Assert.Equal(Path.Combine(other, "src", "KnowledgeBase.Web", "bin", "Release", "net10.0", "KnowledgeBase.Web.dll"), WebAppBuild.Locate(published, other));
    }

    [Theory]
    [InlineData("1,4,16", new[] { 1, 4, 16 })]
    [InlineData(" 16 , 1 ", new[] { 16, 1 })]
    [InlineData("", new int[0])]
    public void ParseClients_Lists_InTheOrderGiven(string text, int[] expected) =>
        Assert.Equal(expected, SearchBenchmarkSettings.ParseClients(text));

    [Theory]
    [InlineData("0")]
    [InlineData("1,1")]
    [InlineData("4,x")]
    [InlineData("-2")]
    [InlineData("257")]
    [InlineData(",")]
    public void ParseClients_Refuses(string text) => Assert.Null(SearchBenchmarkSettings.ParseClients(text));

    [Theory]
    [InlineData("20s", 20_000)]
    [InlineData("20", 20_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    public void ParseDuration_Units(string text, double milliseconds) =>
        Assert.Equal(milliseconds, SearchBenchmarkSettings.ParseDuration(text)!.Value.TotalMilliseconds, 3);

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("10ms")]
    [InlineData("2h")]
    [InlineData("90m")]
    public void ParseDuration_Refuses(string text) => Assert.Null(SearchBenchmarkSettings.ParseDuration(text));

    [Theory]
    [InlineData("http://127.0.0.1:5210", "http://127.0.0.1:5210/")]
    [InlineData("http://localhost:5210/kb", "http://localhost:5210/kb/")]
    [InlineData("http://[::1]:5210/", "http://[::1]:5210/")]
    public void ParseLoopbackUrl_Loopback(string text, string expected) =>
        Assert.Equal(expected, SearchBenchmarkSettings.ParseLoopbackUrl(text)!.ToString());

    [Theory]
    [InlineData("http://10.0.0.5:5210/")]
    [InlineData("http://example.com/")]
    [InlineData("https://127.0.0.1:5210/")]
    [InlineData("http://127.0.0.1:5210/?q=x")]
    [InlineData("127.0.0.1:5210")]
    public void ParseLoopbackUrl_RefusesAnythingElse(string text) => Assert.Null(SearchBenchmarkSettings.ParseLoopbackUrl(text));

    [Theory]
    [InlineData("--clients", "0", "--clients")]
    [InlineData("--duration", "forever", "--duration")]
    [InlineData("--web-url", "http://192.168.1.1/", "--web-url")]
    public async Task BenchSearch_BadLoadOption_ExitsOneAndSaysWhich(string option, string value, string named)
    {
        var (code, _, error) = await KbProcess.RunAsync("bench", "search", "--passages", Passages, "--queries", Queries, "--web", option, value);

        Assert.Equal(1, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchSearch_WebOnlyWithClients_JsonHasLoadRowsMemoryAndStartToFirstAnswer()
    {
        var (code, output, error) = await KbProcess.RunAsync(
            "bench", "search", "--passages", Passages, "--queries", Queries, "--warmup", "1", "--per-document", "10",
            "--web-only", "--clients", "1,2", "--duration", "1s", "--modes", "page", "--json");

        Assert.True(code == 0, error + output);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(60, root.GetProperty("indexing").GetProperty("passages").GetInt32());
        Assert.Empty(root.GetProperty("querySets").EnumerateArray());
        var web = root.GetProperty("web");
        Assert.StartsWith("http://127.0.0.1:", web.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal([1, 2], web.GetProperty("clients").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(1, web.GetProperty("durationSeconds").GetDouble());
        var listening = web.GetProperty("startToListeningMs").GetDouble();
        var firstAnswer = web.GetProperty("startToFirstAnswerMs").GetDouble();
        Assert.True(listening > 0 && firstAnswer >= listening, $"{listening} then {firstAnswer}");
        Assert.True(web.GetProperty("appPeakRssMb").GetDouble() > 10);
        Assert.True(web.GetProperty("appRssMbAtEnd").GetDouble() > 10);
        var set = Assert.Single(web.GetProperty("querySets").EnumerateArray());
        var rows = set.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["web page", "web page"], rows.Select(r => r.GetProperty("mode").GetString()));
        Assert.Equal([1, 2], rows.Select(r => r.GetProperty("threads").GetInt32()));
        Assert.All(rows, r =>
        {
            Assert.True(r.GetProperty("requests").GetInt32() > 0, r.ToString());
            Assert.Equal(0, r.GetProperty("errors").GetInt32());
            Assert.True(r.GetProperty("seconds").GetDouble() >= 1, r.ToString());
            Assert.True(r.GetProperty("p50Ms").GetDouble() > 0, r.ToString());
            Assert.True(r.GetProperty("perSecond").GetDouble() > 0, r.ToString());
            Assert.True(r.GetProperty("appRssMb").GetDouble() > 10, r.ToString());
            Assert.True(r.TryGetProperty("appCpuShare", out _), r.ToString());
        });
    }
}
