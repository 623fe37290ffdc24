using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// The runner of <see cref="ExtractionIsolation.ChildProcess"/> (the default <c>Ingestion:Isolation</c>): extracts
/// files in a pool of extraction worker processes (<see cref="PooledExtractionWorker"/>), each under a time limit per file (the worker is killed
/// when a file goes <see cref="IngestionOptions.ExtractionTimeout"/> without progress, or runs over
/// <see cref="IngestionOptions.ExtractionMaxTime"/>) and a memory limit (a GC heap hard limit inside the worker, and its resident size
/// watched from here). A file that loops, balloons or crashes the parser fails alone with a reason; the
/// host and the other files go on. Thread-safe: concurrent calls use different workers.
/// </summary>
public sealed partial class ChildProcessExtractionRunner : IExtractionRunner, IDisposable
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);
    private const int MaxFilesPerWorker = 500;
    private readonly ExtractionWorkerCommand _command;
    private readonly IOptions<IngestionOptions> _options;
    private readonly ILogger<ChildProcessExtractionRunner> _logger;
    private readonly ConcurrentBag<PooledExtractionWorker> _idle = [];
    private int _disposed;

    public ChildProcessExtractionRunner(ExtractionWorkerCommand command, IOptions<IngestionOptions> options, ILogger<ChildProcessExtractionRunner> logger)
    {
        _command = command;
        _options = options;
        _logger = logger;
    }

    public async Task<ExtractedDocument> RunAsync(string path, DocumentKind kind, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var options = _options.Value;
        var limitBytes = (long)options.ExtractionMemoryMb * 1024 * 1024;
        var worker = TakeIdleWorker() ?? PooledExtractionWorker.Start(_command, limitBytes);
        var reusable = false;
        try
        {
            var request = JsonSerializer.Serialize(new ExtractionEnvelope { Kind = kind.ToString(), Path = path }, ExtractionWorkerProgram.ProtocolJson);
            try
            {
                await worker.SendAsync(request, cancellationToken);
            }
            catch (IOException)
            {
                throw Crashed(worker, path);
            }

            var answer = await WaitForAnswerAsync(worker, path, options, limitBytes, cancellationToken);
            if (answer is null)
            {
                throw Crashed(worker, path);
            }

            var envelope = JsonSerializer.Deserialize<ExtractionEnvelope>(answer, ExtractionWorkerProgram.ProtocolJson);
            if (envelope?.Error == ExtractionWorkerProgram.OutOfMemoryMarker)
            {
                throw new ExtractionException(ExtractionMessages.OutOfMemory(options.ExtractionMemoryMb), isPermanent: true);
            }

            // Keep the worker unless it has grown: memory a parser kept is returned by replacing the process.
            reusable = worker.FilesServed < MaxFilesPerWorker && worker.ResidentBytes < limitBytes / 2;
            if (envelope?.Document is { } json)
            {
                return ExtractedDocumentJson.Deserialize(json);
            }

            throw new ExtractionException(envelope?.Error ?? "The extraction worker gave no answer.", envelope?.Permanent ?? false);
        }
        finally
        {
            if (reusable && Volatile.Read(ref _disposed) == 0)
            {
                _idle.Add(worker);
            }
            else
            {
                worker.Dispose();
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_idle.TryTake(out var worker))
        {
            worker.Retire();
            worker.Dispose();
        }
    }

    private async Task<string?> WaitForAnswerAsync(PooledExtractionWorker worker, string path, IngestionOptions options, long limitBytes, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        // The no-progress limit counts from the last OCR'd page the worker reported (or from the start).
        long lastProgressTicks = 0;
        var read = worker.ReadAnswerAsync(() => Interlocked.Exchange(ref lastProgressTicks, elapsed.Elapsed.Ticks), cancellationToken);
        while (true)
        {
            var finished = await Task.WhenAny(read, Task.Delay(WatchInterval, cancellationToken));
            if (finished == read)
            {
                return await read;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (elapsed.Elapsed > options.ExtractionMaxTime)
            {
                worker.Kill();
                LogTimedOut(path, options.ExtractionMaxTime.TotalSeconds);
                throw new ExtractionException(ExtractionMessages.RanOverMaxTime(options.ExtractionMaxTime), isPermanent: true);
            }

            if (elapsed.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref lastProgressTicks)) > options.ExtractionTimeout)
            {
                worker.Kill();
                LogTimedOut(path, options.ExtractionTimeout.TotalSeconds);
                throw new ExtractionException(ExtractionMessages.TimedOut(options.ExtractionTimeout), isPermanent: true);
            }

            // The heap limit covers managed memory; native allocations (image codecs) are caught here.
            if (worker.ResidentBytes > limitBytes + (limitBytes / 4))
            {
                worker.Kill();
                LogOverMemory(path, options.ExtractionMemoryMb);
                throw new ExtractionException(ExtractionMessages.OutOfMemory(options.ExtractionMemoryMb), isPermanent: true);
            }
        }
    }

    private ExtractionException Crashed(PooledExtractionWorker worker, string path)
    {
        worker.Kill();
        var detail = worker.LastError;
        LogCrashed(path, worker.ExitCode, detail);
        // Worth another try: the file may not be the cause (the OS killed the worker, a transient fault).
        return new ExtractionException(ExtractionMessages.Crashed(worker.ExitCode, detail), isPermanent: false);
    }

    private PooledExtractionWorker? TakeIdleWorker()
    {
        while (_idle.TryTake(out var worker))
        {
            if (!worker.HasExited)
            {
                return worker;
            }

            worker.Dispose();
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extraction of {Path} exceeded {Seconds} s; its worker was killed")]
    private partial void LogTimedOut(string path, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Extraction of {Path} exceeded {Megabytes} MB; its worker was killed")]
    private partial void LogOverMemory(string path, int megabytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The extraction worker died on {Path} (exit code {ExitCode}): {Detail}")]
    private partial void LogCrashed(string path, int exitCode, string? detail);
}
