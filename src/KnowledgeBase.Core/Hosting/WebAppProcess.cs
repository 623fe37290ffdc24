using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace KnowledgeBase.Core.Hosting;

/// <summary>
/// The web app (<c>dotnet KnowledgeBase.Web.dll</c>) as a child process on a free loopback port, configured by
/// command-line settings (<c>--Section:Key=value</c>), in the Production environment, run from the folder of its
/// dll. Started means that <c>GET /api/jobs</c> answered 200. Everything it prints is kept for error messages.
/// Shared by <c>kb bench search --web</c> and the tests that need the real app; disposing it kills it and its
/// child processes.
/// </summary>
public sealed class WebAppProcess : IDisposable
{
    private readonly string _dll;
    private readonly List<KeyValuePair<string, string>> _settings;
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <param name="dll">The built <c>KnowledgeBase.Web.dll</c>.</param>
    /// <param name="settings">Configuration keys (<c>KnowledgeBase:DataPath</c>…) and values, passed in this order.</param>
    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free one.</param>
    public WebAppProcess(string dll, IEnumerable<KeyValuePair<string, string>> settings, int port = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(dll);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65_535);
        _dll = Path.GetFullPath(dll);
        _settings = [.. settings];
        Port = port > 0 ? port : LoopbackPort.Free();
        BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));
    }

    /// <summary>The port, the same after <see cref="Kill"/> and a new start.</summary>
    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The app's process id while it runs (<c>dotnet</c> runs the app in its own process), else null.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was launched (0 before the first start).</summary>
    public long LaunchedAt { get; private set; }

    /// <summary>What the app printed on both streams so far.</summary>
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

    /// <summary>
    /// Starts the app and waits until it answers. Throws <see cref="InvalidOperationException"/> when it exits
    /// first and <see cref="TimeoutException"/> when it does not answer within <paramref name="timeout"/>; both
    /// messages carry its output.
    /// </summary>
    public Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        StartAsync(timeout, TimeSpan.FromMilliseconds(200), cancellationToken);

    /// <summary>As <see cref="StartAsync(TimeSpan, CancellationToken)"/>, asking every <paramref name="pollInterval"/>.</summary>
    public async Task StartAsync(TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken = default)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The app is already running; kill it before starting it again.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_dll);
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--urls=http://127.0.0.1:{Port}"));
        foreach (var (key, value) in _settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        LaunchedAt = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + _dll);
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The app exited with {process.ExitCode}:\n{Log}"));
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/jobs", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(pollInterval, cancellationToken);
        }

        throw new TimeoutException($"The app did not answer in time:\n{Log}");
    }

    /// <summary>Kills the app at once (SIGKILL, with its child processes), as a crash or a power cut would.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Kill();

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
}
