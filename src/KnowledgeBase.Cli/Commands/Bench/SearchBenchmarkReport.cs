using System.Text.Json.Serialization;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>
/// What <c>kb bench search</c> found: the machine, the index phase and, per query file, one row per mode and
/// thread count, in process and optionally over loopback. Its property names are the names of the
/// <c>--json</c> report; <see cref="SearchBenchmarkReportWriter"/> prints it as text.
/// </summary>
internal sealed class SearchBenchmarkReport
{
    public required MachineInfo Machine { get; set; }

    public required string Passages { get; init; }

    public required string DataFolder { get; init; }

    public int PassagesPerDocument { get; init; }

    /// <summary>Whose in-process searches were timed (<c>--audience</c>).</summary>
    public string Audience { get; init; } = "everyone";

    public IndexingResult? Indexing { get; set; }

    public List<QuerySet> QuerySets { get; } = [];

    public WebResult? Web { get; set; }

    public List<string> Warnings { get; } = [];

    internal sealed record MachineInfo
    {
        public int Cores { get; init; }

        public double MemoryGb { get; init; }

        public string? LoadAverageAtStart { get; init; }

        public string? LoadAverageAtEnd { get; init; }

        public string? Runtime { get; init; }

        public string? Configuration { get; init; }

        /// <summary>This machine now, with its load average at the start of the run.</summary>
        public static MachineInfo Current() => new()
        {
            Cores = Environment.ProcessorCount,
            MemoryGb = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0,
            LoadAverageAtStart = LoadAverage(),
            Runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
#if DEBUG
            Configuration = "Debug",
#else
            Configuration = "Release",
#endif
        };

        /// <summary>The 1, 5 and 15 minute load averages (Linux), else "?".</summary>
        public static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
    }

    internal sealed record IndexingResult
    {
        public int Passages { get; init; }

        public int Documents { get; init; }

        public bool Reused { get; init; }

        public double JsonlMb { get; init; }

        public double IndexSeconds { get; init; }

        public double CatalogSeconds { get; init; }

        /// <summary>True when the catalog rows were written beside the indexing (a pipelined load): they are part of <see cref="IndexSeconds"/>.</summary>
        public bool CatalogOverlapped { get; init; }

        /// <summary>The process's CPU time (every thread) over the whole load.</summary>
        public double CpuSeconds { get; init; }

        public double TotalSeconds { get; init; }

        public double PassagesPerSecond { get; init; }

        public double IndexMb { get; init; }

        public int Segments { get; init; }

        /// <summary><c>--commit-every</c>: passages between the load's commits (0: one commit at the end).</summary>
        public int CommitEvery { get; init; }

        /// <summary>With <c>--max-segments</c>: the force-merge after the load (else null).</summary>
        public OptimizeResult? Optimize { get; init; }
    }

    /// <summary>The force-merge after a load (<c>--max-segments</c>): segments and size before, time, process CPU, the index folder's largest size while it ran.</summary>
    internal sealed record OptimizeResult
    {
        public int MaxSegments { get; init; }

        public int SegmentsBefore { get; init; }

        public double MbBefore { get; init; }

        public double Seconds { get; init; }

        public double CpuSeconds { get; init; }

        public double PeakMb { get; init; }
    }

    internal sealed class QuerySet
    {
        public required string File { get; init; }

        public int Total { get; init; }

        public int Selected { get; init; }

        public int Every { get; init; }

        public int Warmup { get; init; }

        public List<Row> Rows { get; } = [];
    }

    internal sealed class WebResult
    {
        /// <summary>The dll kb started, or the address of the running app it was pointed at (<c>--web-url</c>).</summary>
        public required string App { get; init; }

        /// <summary>Where it was asked (always a loopback address).</summary>
        public string? Url { get; init; }

        /// <summary>Concurrent clients of the timed load passes (empty: every request once, untimed).</summary>
        public int[]? Clients { get; init; }

        /// <summary>How long each load pass started requests.</summary>
        public double? DurationSeconds { get; init; }

        /// <summary>From launching the app to its first answer on <c>/api/jobs</c> (the server listening), ms.</summary>
        public double? StartToListeningMs { get; set; }

        /// <summary>
        /// From launching the app on the existing index to its first successful search answer
        /// (<c>/api/search?q=</c> the first timed query, 200 with a result), ms.
        /// </summary>
        public double? StartToFirstAnswerMs { get; set; }

        /// <summary>The app's peak resident memory since it started (<c>VmHWM</c>), read after the last pass, MB.</summary>
        public double? AppPeakRssMb { get; set; }

        /// <summary>The app's resident memory after the last pass (<c>VmRSS</c>), MB.</summary>
        public double? AppRssMbAtEnd { get; set; }

        /// <summary>
        /// Of <see cref="AppRssMbAtEnd"/>, the anonymous pages (<c>RssAnon</c>: the heap, stacks; what the app alone
        /// holds), MB. The rest is file-backed (<c>RssFile</c>, <see cref="AppRssFileMbAtEnd"/>): the code, and with
        /// <c>Search:Directory=Mapped</c> the index pages read through the mapping — page cache, shared and reclaimable.
        /// </summary>
        public double? AppRssAnonMbAtEnd { get; set; }

        /// <summary>Of <see cref="AppRssMbAtEnd"/>, the file-backed pages (<c>RssFile</c>), MB.</summary>
        public double? AppRssFileMbAtEnd { get; set; }

        public List<QuerySet> QuerySets { get; } = [];
    }

    internal sealed record Row
    {
        public required string Mode { get; init; }

        public int Threads { get; init; }

        public int Requests { get; init; }

        public int Errors { get; init; }

        [JsonPropertyName("p50Ms")]
        public double P50 { get; init; }

        [JsonPropertyName("p95Ms")]
        public double P95 { get; init; }

        [JsonPropertyName("p99Ms")]
        public double P99 { get; init; }

        [JsonPropertyName("meanMs")]
        public double Mean { get; init; }

        [JsonPropertyName("maxMs")]
        public double Max { get; init; }

        public double PerSecond { get; init; }

        /// <summary>This process's CPU over the pass, as a share of all cores (in-process passes only).</summary>
        public double? CpuShare { get; init; }

        /// <summary>The wall time of a load pass bounded in time (<c>--clients</c>), seconds; null for untimed passes.</summary>
        public double? Seconds { get; init; }

        /// <summary>The app's highest resident memory sampled during the pass (kb started it), MB.</summary>
        public double? AppRssMb { get; init; }

        /// <summary>The app's CPU over the pass, as a share of all cores (kb started it).</summary>
        public double? AppCpuShare { get; init; }

        /// <summary>Each request's latency in ms, in the order of the requests (untimed passes only; for <c>--per-query</c>, not in the report).</summary>
        [JsonIgnore]
        public double[]? PerRequest { get; init; }
    }
}
