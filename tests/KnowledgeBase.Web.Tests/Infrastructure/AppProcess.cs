using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Web.Tests.Infrastructure;

/// <summary>
/// The real application as a child process (<see cref="WebAppProcess"/>, the launcher <c>kb bench search --web</c>
/// uses too) over its own temporary data folder, polling fast — for the browser tests and for killing it
/// mid-work. Extraction runs in grandchild processes, as in production.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly WebAppProcess _app;

    public AppProcess(string? seeds = null, IDictionary<string, string>? settings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "kb-app-" + Guid.NewGuid().ToString("N"));
        Dictionary<string, string> all = new(StringComparer.Ordinal)
        {
            ["KnowledgeBase:DataPath"] = DataPath,
            ["KnowledgeBase:SeedsPath"] = seeds ?? TestPaths.Seeds,
            ["Ingestion:PollInterval"] = "00:00:00.200",
            ["Search:RefreshInterval"] = "00:00:00.250",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        _app = new WebAppProcess(Path.Combine(AppContext.BaseDirectory, "KnowledgeBase.Web.dll"), all);
        AdminToken = TestAccounts.Create(DataPath, TestAccounts.AdminName, Ingestion.Accounts.UserRole.Admin);
    }

    public string DataPath { get; }

    /// <summary>The token of <see cref="TestAccounts.AdminName"/>, made before the app starts; <see cref="CreateClient"/>'s clients carry it.</summary>
    public string AdminToken { get; }

    public Uri BaseAddress => _app.BaseAddress;

    /// <summary>What the app printed so far.</summary>
    public string Log => _app.Log;

    /// <summary>A client acting as the test admin (bearer token).</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.UseToken(AdminToken);
        return client;
    }

    /// <summary>Starts the app and waits until it answers.</summary>
    public Task StartAsync(TimeSpan? timeout = null) => _app.StartAsync(timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Starts the app again on the same data folder and port (after <see cref="Kill"/>).</summary>
    public Task RestartAsync()
    {
        Kill();
        return StartAsync();
    }

    /// <summary>Kills the app at once (SIGKILL), as a crash or power cut would.</summary>
    public void Kill() => _app.Kill();

    public async ValueTask DisposeAsync()
    {
        _app.Dispose();
        await Task.Delay(100);
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
