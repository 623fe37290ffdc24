using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// Extracts each file in a child process with a time limit (killed when it runs over) and a memory limit
/// (a GC heap hard limit inside the child, and the parent watching its resident memory). A file that loops,
/// balloons or crashes the parser fails alone with a reason; the host keeps serving. Thread-safe.
/// </summary>
public sealed partial class ChildProcessExtractionRunner : IExtractionRunner
{
    private static readonly TimeSpan MemoryPollInterval = TimeSpan.FromMilliseconds(200);
    private readonly ChildHostCommand _command;
    private readonly IOptions<IngestionOptions> _options;
    private readonly ILogger<ChildProcessExtractionRunner> _logger;

    public ChildProcessExtractionRunner(ChildHostCommand command, IOptions<IngestionOptions> options, ILogger<ChildProcessExtractionRunner> logger)
    {
        _command = command;
        _options = options;
        _logger = logger;
    }

    public async Task<ExtractedDocument> RunAsync(string path, DocumentKind kind, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var start = new ProcessStartInfo(_command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in _command.PrefixArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(ExtractionChild.Verb);
        start.ArgumentList.Add(kind.ToString());
        start.ArgumentList.Add(path);
        var limitBytes = (long)options.ExtractionMemoryMb * 1024 * 1024;
        start.Environment["DOTNET_GCHeapHardLimit"] = limitBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";

        using var process = new Process { StartInfo = start };
        process.Start();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var deadline = Stopwatch.StartNew();
        var overMemory = false;
        try
        {
            while (!process.HasExited)
            {
                if (deadline.Elapsed > options.ExtractionTimeout)
                {
                    Kill(process);
                    LogTimedOut(path, options.ExtractionTimeout.TotalSeconds);
                    throw new ExtractionException(ExtractionMessages.TimedOut(options.ExtractionTimeout), isPermanent: true);
                }

                if (ResidentBytes(process) > limitBytes * 2)
                {
                    // The GC limit covers the managed heap; native allocations (image decoders) are caught here.
                    overMemory = true;
                    Kill(process);
                    break;
                }

                try
                {
                    await process.WaitForExitAsync(cancellationToken).WaitAsync(MemoryPollInterval, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Poll again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        await process.WaitForExitAsync(CancellationToken.None);
        var output = await stdout;
        var errors = await stderr;
        if (overMemory || process.ExitCode == ExtractionChild.ExitOutOfMemory)
        {
            throw new ExtractionException(ExtractionMessages.OutOfMemory(options.ExtractionMemoryMb), isPermanent: true);
        }

        ExtractionEnvelope? envelope = null;
        if (output.Length > 0)
        {
            try
            {
                envelope = JsonSerializer.Deserialize<ExtractionEnvelope>(output, ChildJson.Options);
            }
            catch (JsonException)
            {
                envelope = null;
            }
        }

        if (envelope?.Document is { } document)
        {
            return document;
        }

        if (envelope?.Error is { } error)
        {
            throw new ExtractionException(error, envelope.Permanent);
        }

        // A crash without a report (killed by the OS, a runtime failure): worth another try.
        var detail = LastLine(errors);
        LogCrashed(path, process.ExitCode, detail);
        throw new ExtractionException(ExtractionMessages.Crashed(process.ExitCode, detail), isPermanent: false);
    }

    private static long ResidentBytes(Process process)
    {
        try
        {
            process.Refresh();
            return process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string? LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? null : lines[^1][..Math.Min(lines[^1].Length, 300)];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extraction of {Path} exceeded {Seconds} s and was killed")]
    private partial void LogTimedOut(string path, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extraction child for {Path} exited with {ExitCode}: {Detail}")]
    private partial void LogCrashed(string path, int exitCode, string? detail);
}
