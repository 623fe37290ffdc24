using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>
/// Times a list of requests: an untimed warm-up, then every request once on one worker and, when asked, once
/// more on N concurrent workers; each pass gives a row of nearest-rank percentiles (<see cref="Statistics"/>),
/// mean, max, throughput, errors and this process's CPU share.
/// </summary>
internal static class LatencyMeter
{
    /// <summary>The rows of one mode, each yielded as soon as its pass ends.</summary>
    public static async IAsyncEnumerable<SearchBenchmarkReport.Row> MeasureAsync(
        string mode,
        List<string> requests,
        int warmup,
        int threads,
        Func<string, Task<bool>> run,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var request in requests.Take(warmup))
        {
            await run(request);
        }

        foreach (var workers in threads > 1 ? new[] { 1, threads } : [1])
        {
            yield return await PassAsync(mode, workers, requests, run, cancellationToken);
        }
    }

    /// <summary>
    /// A load pass bounded in time: <paramref name="clients"/> concurrent clients, each starting its next request
    /// (the next of <paramref name="requests"/>, in turn, from the start again when all were sent) as soon as its
    /// last one answered, until <paramref name="duration"/> has passed; the requests under way then finish and count.
    /// <c>req/s</c> is the requests answered over the pass's wall time. A request that throws counts as an error.
    /// </summary>
    public static async Task<SearchBenchmarkReport.Row> TimedPassAsync(string mode, int clients, TimeSpan duration, List<string> requests, Func<string, Task<bool>> run, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(requests.Count);
        var latencies = new List<double>[clients];
        var errors = 0;
        var next = -1;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(client => Task.Run(
            async () =>
            {
                var mine = latencies[client] = [];
                while (wall.Elapsed < duration)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var i = (int)((uint)Interlocked.Increment(ref next) % (uint)requests.Count);
                    var started = Stopwatch.GetTimestamp();
                    bool ok;
                    try
                    {
                        ok = await run(requests[i]);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
                    {
                        ok = false;
                    }

                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!ok)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            },
            cancellationToken)).ToList();
        await Task.WhenAll(workers);
        var seconds = wall.Elapsed.TotalSeconds;
        return Summarise(mode, clients, [.. latencies.SelectMany(l => l)], errors, seconds) with { Seconds = seconds };
    }

    /// <summary>Runs every request once, spread over <paramref name="threads"/> workers taking the next request in turn.</summary>
    private static async Task<SearchBenchmarkReport.Row> PassAsync(string mode, int threads, List<string> requests, Func<string, Task<bool>> run, CancellationToken cancellationToken)
    {
        var latencies = new double[requests.Count];
        var errors = 0;
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(_ => Task.Run(
            async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests.Count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var started = Stopwatch.GetTimestamp();
                    var ok = await run(requests[i]);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (!ok)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            },
            cancellationToken)).ToList();
        await Task.WhenAll(workers);
        var seconds = wall.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var inOrder = (double[])latencies.Clone();
        return Summarise(mode, threads, latencies, errors, seconds) with { CpuShare = cpuSeconds / seconds / Environment.ProcessorCount, PerRequest = inOrder };
    }

    /// <summary>A pass's row from its latencies (sorted here, in place) and errors over its wall time.</summary>
    private static SearchBenchmarkReport.Row Summarise(string mode, int threads, double[] latencies, int errors, double seconds)
    {
        Array.Sort(latencies);
        return new SearchBenchmarkReport.Row
        {
            Mode = mode,
            Threads = threads,
            Requests = latencies.Length,
            Errors = errors,
            P50 = Statistics.Percentile(latencies, 50),
            P95 = Statistics.Percentile(latencies, 95),
            P99 = Statistics.Percentile(latencies, 99),
            Mean = latencies.Length == 0 ? 0 : latencies.Average(),
            Max = latencies.Length == 0 ? 0 : latencies[^1],
            PerSecond = latencies.Length / seconds,
        };
    }
}
