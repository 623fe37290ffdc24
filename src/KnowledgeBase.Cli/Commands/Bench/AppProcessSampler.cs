using System.Diagnostics;
using System.Globalization;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>
/// The memory and CPU of the app process <c>kb bench search --web</c> started, read from
/// <c>/proc/PID/status</c> (<c>VmRSS</c>, resident now; <c>VmHWM</c>, the peak resident since it started) and
/// its CPU time. While one is alive it samples <c>VmRSS</c> every 100 ms and keeps the peak, so a pass reports
/// the most the app held while serving it. Linux only: elsewhere every figure is null.
/// </summary>
internal sealed class AppProcessSampler : IDisposable
{
    private readonly int _pid;
    private readonly Timer _timer;
    private readonly TimeSpan _cpuAtStart;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private double? _peakMb;

    public AppProcessSampler(int pid)
    {
        _pid = pid;
        _cpuAtStart = CpuTime(pid) ?? TimeSpan.Zero;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The highest resident memory sampled so far, MB.</summary>
    public double? PeakResidentMb
    {
        get
        {
            Sample();
            lock (_timer)
            {
                return _peakMb;
            }
        }
    }

    /// <summary>The app's CPU time since the sampler started, as a share of all cores of the wall time.</summary>
    public double? CpuShare =>
        CpuTime(_pid) is { } cpu ? (cpu - _cpuAtStart).TotalSeconds / Stopwatch.GetElapsedTime(_startedAt).TotalSeconds / Environment.ProcessorCount : null;

    public void Dispose() => _timer.Dispose();

    /// <summary>A <c>Vm*</c> or <c>Rss*</c> line of <c>/proc/PID/status</c> (kB there) in MB; null when unknown.</summary>
    public static double? StatusMb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or the process ended.
        }

        return null;
    }

    private static TimeSpan? CpuTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    private void Sample()
    {
        if (StatusMb(_pid, "VmRSS") is not { } now)
        {
            return;
        }

        lock (_timer)
        {
            _peakMb = Math.Max(_peakMb ?? 0, now);
        }
    }
}
