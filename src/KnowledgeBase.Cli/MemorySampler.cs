using System.Globalization;

namespace KnowledgeBase.Cli;

/// <summary>
/// Samples, every 100 ms, the resident memory of this process and the sum over its child processes (the
/// extraction workers and their OCR programs), keeping the peaks. Linux only (reads /proc); elsewhere the
/// worker figure stays 0.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private double _peakHost;
    private double _peakWorkers;

    public MemorySampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
    }

    public double PeakHostMb
    {
        get
        {
            Sample();
            return Math.Max(_peakHost, Environment.WorkingSet / (1024.0 * 1024.0));
        }
    }

    public double PeakWorkersMb => _peakWorkers;

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var host = Environment.WorkingSet / (1024.0 * 1024.0);
        var workers = DescendantsResidentMb(Environment.ProcessId);
        lock (_timer)
        {
            _peakHost = Math.Max(_peakHost, host);
            _peakWorkers = Math.Max(_peakWorkers, workers);
        }
    }

    private static double DescendantsResidentMb(int root)
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
        }

        var total = 0.0;
        foreach (var pid in parents.Keys.Where(p => IsDescendant(p, root, parents)))
        {
            try
            {
                var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (line is not null)
                {
                    total += double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
                }
            }
            catch (IOException)
            {
                // Ended meanwhile.
            }
        }

        return total;
    }

    private static bool IsDescendant(int pid, int root, Dictionary<int, int> parents)
    {
        for (var depth = 0; depth < 16 && parents.TryGetValue(pid, out var parent); depth++)
        {
            if (parent == root)
            {
                return true;
            }

            pid = parent;
        }

        return false;
    }
}
