using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// The parent's side of one long-lived extraction worker process (which runs <see cref="ExtractionWorkerProgram"/>):
/// a request line in, an answer line out. Starting .NET and warming up the parsers costs far more than most
/// files, so <see cref="ChildProcessExtractionRunner"/> keeps idle workers in a pool and a worker serves many
/// files in turn; it is killed (and replaced) only when a file runs over its limits, crashes it, or it has grown
/// too large. Not thread-safe: one file at a time, owned by one caller.
/// </summary>
internal sealed class PooledExtractionWorker : IDisposable
{
    private const int StderrLines = 20;
    private readonly Process _process;
    private readonly Queue<string> _stderr = new();

    private PooledExtractionWorker(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                while (_stderr.Count > StderrLines)
                {
                    _stderr.Dequeue();
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    public int FilesServed { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.HasExited ? _process.ExitCode : 0;

    public string? LastError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.LastOrDefault(l => l.Trim().Length > 0)?.Trim();
            }
        }
    }

    public static PooledExtractionWorker Start(ExtractionWorkerCommand command, long memoryLimitBytes)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in command.PrefixArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(ExtractionWorkerProgram.Verb);
        // The managed heap limit makes a ballooning parser fail with OutOfMemoryException inside the child.
        start.Environment["DOTNET_GCHeapHardLimit"] = memoryLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The extraction worker could not be started.");
        return new PooledExtractionWorker(process);
    }

    /// <summary>Resident memory of the worker (0 once it has exited).</summary>
    public long ResidentBytes
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.HasExited ? 0 : _process.WorkingSet64;
            }
            catch (InvalidOperationException)
            {
                return 0;
            }
        }
    }

    public async Task SendAsync(string line, CancellationToken cancellationToken)
    {
        FilesServed++;
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    /// <summary>The answer line (null when the worker's output closed); progress lines before it call <paramref name="onProgress"/>.</summary>
    public async Task<string?> ReadAnswerAsync(Action onProgress, CancellationToken cancellationToken)
    {
        while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line != ExtractionWorkerProgram.ProgressMarker)
            {
                return line;
            }

            onProgress();
        }

        return null;
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Lets an idle worker finish by closing its input; kills it if it does not go at once.</summary>
    public void Retire()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(2000))
            {
                Kill();
            }
        }
        catch (IOException)
        {
            Kill();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
