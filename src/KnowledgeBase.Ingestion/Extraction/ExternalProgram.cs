using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// Runs an external program (<c>pdftoppm</c>, <c>tesseract</c>, <c>pdftotext</c>…) with arguments, never through
/// a shell, collects its output as UTF-8 and kills it with its children when the time runs out or the caller
/// cancels. Not the extraction worker processes: those are <see cref="Isolation.PooledExtractionWorker"/>.
/// Stateless and thread-safe.
/// </summary>
public static class ExternalProgram
{
    /// <summary>The full path of <paramref name="program"/> (a path, or a name found on PATH), or null.</summary>
    public static string? Locate(string program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs the program; throws <see cref="Win32Exception"/> only when it cannot be started at all.</summary>
    public static async Task<ExternalProgramResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Tesseract would otherwise start a thread per core for each page; pages are already one at a time.
        info.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = new Process { StartInfo = info };
        process.Start();
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            return new ExternalProgramResult(-1, await stdout, await stderr, TimedOut: true);
        }

        return new ExternalProgramResult(process.ExitCode, await stdout, await stderr, TimedOut: false);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own between the timeout and the kill.
        }
        catch (Win32Exception)
        {
            // Could not be signalled: it is on its way out.
        }
    }
}
