using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Web.Tests.Infrastructure;

/// <summary>
/// The real application as a child process (<c>dotnet KnowledgeBase.Web.dll</c>) on a free loopback port,
/// over its own temporary data folder — for the browser tests and for killing it mid-work. Extraction runs
/// in grandchild processes, as in production.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _seeds;
    private readonly Dictionary<string, string> _settings;
    private Process? _process;

    public AppProcess(string? seeds = null, IDictionary<string, string>? settings = null)
    {
        _seeds = seeds ?? TestPaths.Seeds;
        _settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        DataPath = Path.Combine(Path.GetTempPath(), "kb-app-" + Guid.NewGuid().ToString("N"));
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
    }

    public string DataPath { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string Output { get; private set; } = string.Empty;

    private readonly System.Text.StringBuilder _log = new();

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Starts the app and waits until it answers.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "KnowledgeBase.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{Port}");
        start.ArgumentList.Add($"--KnowledgeBase:DataPath={DataPath}");
        start.ArgumentList.Add($"--KnowledgeBase:SeedsPath={_seeds}");
        start.ArgumentList.Add("--Ingestion:PollInterval=00:00:00.200");
        start.ArgumentList.Add("--Search:RefreshInterval=00:00:00.250");
        foreach (var (key, value) in _settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = CreateClient();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await client.GetAsync("api/jobs");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not answer in time:\n{Log}");
    }

    /// <summary>Starts the app again on the same data folder and port (after <see cref="Kill"/>).</summary>
    public Task RestartAsync()
    {
        Kill();
        _process?.Dispose();
        _process = null;
        return StartAsync();
    }

    /// <summary>Kills the app at once (SIGKILL), as a crash or power cut would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
