using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Cli.Tests.Commands;

/// <summary>
/// <c>kb --token</c> and <c>KB_TOKEN</c> against the running app (a child process on loopback, holding the index):
/// an editor made with <c>kb users add</c> and <c>kb tokens create</c> ingests through the API; without a token
/// the app refuses the write and kb says so in a sentence, not a stack trace.
/// </summary>
public sealed class RunningAppTokenTests : IAsyncLifetime
{
    private const string Password = "mật khẩu dài 1";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "kb-cli-token-" + Guid.NewGuid().ToString("N"));
    private static readonly Dictionary<string, string> NoVariables = [];

    private WebAppProcess? _app;

    private string Data => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _app = new WebAppProcess(WebDll(), new Dictionary<string, string>
        {
            ["KnowledgeBase:DataPath"] = Data,
            ["KnowledgeBase:SeedsPath"] = string.Empty,
            ["Ingestion:Isolation"] = "InProcess",
            ["Ingestion:PollInterval"] = "00:00:00.100",
        });
        await _app.StartAsync(TimeSpan.FromMinutes(2));
    }

    public Task DisposeAsync()
    {
        _app?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Ingest_WithTokenOptionOrVariable_Succeeds_WithoutToken_IsAClearRefusal()
    {
        var (code, _, error) = await KbProcess.RunWithInputAsync(Password + "\n", "--data", Data, "users", "add", "lan", "--role", "editor", "--password-stdin");
        Assert.True(code == 0, error);
        (code, var output, error) = await KbProcess.RunAsync("--data", Data, "tokens", "create", "lan", "--label", "scripts");
        Assert.True(code == 0, error);
        var token = output.TrimEnd().Split('\n')[^1].Trim();

        var withOption = await Kb(NoVariables, "--token", token, "ingest", Text("thong-bao.txt", "Thông báo lịch tiếp công dân định kỳ của lãnh đạo huyện Quế Phong."));
        var withVariable = await Kb(new Dictionary<string, string> { ["KB_TOKEN"] = token }, "ingest", Text("ke-hoach.txt", "Kế hoạch kiểm tra an toàn thực phẩm huyện Quế Phong năm nay."));
        var anonymous = await Kb(NoVariables, "ingest", Text("khong-token.txt", "Văn bản gửi không có mã truy cập nên bị từ chối."));

        Assert.True(withOption.ExitCode == 0, withOption.Error + withOption.Output);
        Assert.True(withVariable.ExitCode == 0, withVariable.Error + withVariable.Output);
        Assert.NotEqual(0, anonymous.ExitCode);
        Assert.Contains("pass an editor's or admin's API token with --token or the KB_TOKEN environment variable", anonymous.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", anonymous.Error + anonymous.Output, StringComparison.Ordinal);

        var search = await Kb(NoVariables, "search", "Quế Phong", "--json");
        Assert.True(search.ExitCode == 0, search.Error);
        // Both documents sent with a token are in.
        Assert.Contains("\"total\": 2,", search.Output, StringComparison.Ordinal);
    }

    /// <summary>kb on the running app's data folder (the app holds its index, so kb talks to it).</summary>
    private Task<(int ExitCode, string Output, string Error)> Kb(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        KbProcess.RunWithEnvironmentAsync(environment, string.Empty, ["--data", Data, "--server", _app!.BaseAddress.ToString(), .. args]);

    private string Text(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The web app built beside these tests' configuration (the project reference builds it first).</summary>
    private static string WebDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(TestPaths.RepositoryRoot, "src", "KnowledgeBase.Web", "bin", configuration, "net10.0", "KnowledgeBase.Web.dll");
    }
}
