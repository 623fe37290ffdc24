using System.Net;
using System.Net.Sockets;
using KnowledgeBase.Search.Indexing;

namespace KnowledgeBase.Cli.Tests.Commands;

/// <summary>
/// A data folder held by a running app that does not answer at the address kb was given (another port, or an app
/// stopping): every command that talks to the app says so in one line and exits with 1, without a stack trace.
/// </summary>
public sealed class UnreachableAppTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kb-cli-unreachable-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("search", "cải cách")]
    [InlineData("optimize")]
    [InlineData("delete", "0123456789abcdef")]
    public async Task FolderHeld_NothingListening_OneLineAndExitCode1(params string[] command)
    {
        var server = $"http://127.0.0.1:{FreePort()}/";
        int code;
        string error;
        var lucene = Directory.CreateDirectory(Path.Combine(_data, "lucene")).FullName;
        using (FolderLock.Acquire(lucene))
        {
            (code, _, error) = await KbProcess.RunAsync(["--data", _data, "--server", server, .. command]);
        }

        Assert.Equal(1, code);
        Assert.Contains("did not answer", error, StringComparison.Ordinal);
        Assert.Contains("--server", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
