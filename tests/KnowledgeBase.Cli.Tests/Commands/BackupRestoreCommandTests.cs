using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Cli.Tests.Commands;

/// <summary><c>kb backup</c> with no app running, <c>kb restore</c> into a new folder, and what restore refuses.</summary>
public sealed class BackupRestoreCommandTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kb-cli-backup-" + Guid.NewGuid().ToString("N"));

    private string Data => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        var (code, _, error) = await KbProcess.RunAsync("--data", Data, "ingest", TestPaths.Seeds);
        Assert.True(code == 0, error);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The search's JSON without its "elapsed" time, the one field that differs between two runs.</summary>
    private static string WithoutTiming(string json) =>
        string.Join('\n', json.Split('\n').Where(line => !line.TrimStart().StartsWith("\"elapsed\"", StringComparison.Ordinal)));

    [Fact]
    public async Task BackupThenRestore_SearchesAlike_AndRestoreRefusesAFolderInUseOrHoldingData()
    {
        var (code, output, error) = await KbProcess.RunAsync("--data", Data, "backup", Path.Combine(_root, "backups"));
        Assert.True(code == 0, error);
        var backup = Assert.Single(Directory.GetDirectories(Path.Combine(_root, "backups")));
        Assert.Contains(backup, output, StringComparison.Ordinal);

        var restored = Path.Combine(_root, "restored");
        (code, _, error) = await KbProcess.RunAsync("--data", restored, "restore", backup);
        Assert.True(code == 0, error);
        var (_, before, _) = await KbProcess.RunAsync("--data", Data, "search", "án lệ", "--json");
        var (_, after, _) = await KbProcess.RunAsync("--data", restored, "search", "án lệ", "--json");
        Assert.Contains("\"documentId\"", before, StringComparison.Ordinal);
        Assert.Equal(WithoutTiming(before), WithoutTiming(after));

        // A folder that holds data: refused, then moved aside with --force.
        (code, _, error) = await KbProcess.RunAsync("--data", restored, "restore", backup);
        Assert.Equal(1, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        (code, output, error) = await KbProcess.RunAsync("--data", restored, "restore", backup, "--force");
        Assert.True(code == 0, error);
        Assert.Contains("before-restore-", output, StringComparison.Ordinal);

        // A folder in use (its index held, as the running app holds it): refused.
        using (FolderLock.Acquire(Path.Combine(restored, "lucene")))
        {
            (code, _, error) = await KbProcess.RunAsync("--data", restored, "restore", backup, "--force");
        }

        Assert.Equal(1, code);
        Assert.Contains("in use", error, StringComparison.Ordinal);
    }
}
