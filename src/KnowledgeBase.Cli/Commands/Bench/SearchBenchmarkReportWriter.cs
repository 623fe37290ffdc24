using System.Globalization;
using System.Text.Json;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>
/// Prints a <see cref="SearchBenchmarkReport"/>: as JSON (<c>--json</c>) or as text on standard output, and the
/// progress lines (one per timed pass) on standard error so that the JSON stays parseable.
/// </summary>
internal static class SearchBenchmarkReportWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Write(SearchBenchmarkReport report, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
        }
        else
        {
            WriteText(report);
        }
    }

    public static void Progress(string line) => Console.Error.WriteLine(line);

    /// <summary>A timed pass as it happens, prefixed with its query file.</summary>
    public static void Progress(SearchBenchmarkReport.QuerySet set, SearchBenchmarkReport.Row row) =>
        Progress(RowText(Path.GetFileName(set.File), row));

    private static void WriteText(SearchBenchmarkReport report)
    {
        var m = report.Machine;
        Console.WriteLine("kb bench search");
        Console.WriteLine(string.Create(C, $"machine: {m.Cores} cores, {m.MemoryGb:0.0} GB, {m.Runtime}, {m.Configuration}; load average {m.LoadAverageAtStart} at start, {m.LoadAverageAtEnd} at end"));
        Console.WriteLine($"passages: {report.Passages}");
        Console.WriteLine($"data folder: {report.DataFolder}");
        Console.WriteLine();
        if (report.Indexing is { } i)
        {
            Console.WriteLine("== index ==");
            Console.WriteLine(string.Create(C, $"passages: {i.Passages} in {i.Documents} documents (up to {report.PassagesPerDocument} passages of one collection each, in file order); searches as {report.Audience}"));
            if (i.Reused)
            {
                Console.WriteLine("indexing: reused the existing index (--keep)");
            }
            else
            {
                if (i.CatalogOverlapped)
                {
                    Console.WriteLine(string.Create(C, $"indexing: {i.IndexSeconds:0.0} s (read + parse + catalog rows beside UpsertMany + commits: the whole load), {i.PassagesPerSecond:0} passages/s, {i.JsonlMb / i.IndexSeconds:0.0} MB/s of jsonl"));
                    Console.WriteLine(string.Create(C, $"catalog rows: {i.CatalogSeconds:0.0} s of it, on the reading thread; wall {i.TotalSeconds:0.0} s"));
                }
                else
                {
                    Console.WriteLine(string.Create(C, $"indexing: {i.IndexSeconds:0.0} s (read + parse + Upsert + commits), {i.PassagesPerSecond:0} passages/s, {i.JsonlMb / i.IndexSeconds:0.0} MB/s of jsonl"));
                    Console.WriteLine(string.Create(C, $"catalog rows: {i.CatalogSeconds:0.0} s more; wall {i.TotalSeconds:0.0} s"));
                }

                Console.WriteLine(string.Create(C, $"process CPU: {i.CpuSeconds:0.0} s over the load, {i.Passages / i.CpuSeconds:0} passages per CPU-second"));
            }

            if (!i.Reused)
            {
                Console.WriteLine(i.CommitEvery > 0 ? string.Create(C, $"commits: every {i.CommitEvery} passages") : "commits: one, at the end");
            }

            if (i.Optimize is { } o)
            {
                Console.WriteLine(string.Create(C, $"optimize: {o.SegmentsBefore} segments ({o.MbBefore:0.0} MB) into at most {o.MaxSegments} in {o.Seconds:0.0} s, {o.CpuSeconds:0.0} CPU-s, peak {o.PeakMb:0.0} MB on disk"));
            }

            Console.WriteLine(string.Create(C, $"index size: {i.IndexMb:0.0} MB in {i.Segments} segments"));
        }

        WriteSets("service (in process, LuceneSearchService / SuggestionService)", report.QuerySets);
        if (report.Web is { } web)
        {
            Console.WriteLine();
            Console.WriteLine($"== web: {web.App} at {web.Url} ==");
            if (web.StartToFirstAnswerMs is { } firstAnswer)
            {
                Console.WriteLine(string.Create(C, $"start: listening {web.StartToListeningMs:0} ms, first search answer {firstAnswer:0} ms after launch (existing index)"));
            }

            if (web.Clients is { } clients)
            {
                Console.WriteLine(string.Create(C, $"load: {string.Join(", ", clients)} concurrent clients, {web.DurationSeconds:0.#} s each"));
            }

            if (web.AppPeakRssMb is { } peak)
            {
                Console.WriteLine(string.Create(C, $"app memory: peak resident {peak:0} MB (VmHWM), {web.AppRssMbAtEnd:0} MB at the end: {web.AppRssAnonMbAtEnd:0} MB anonymous (RssAnon), {web.AppRssFileMbAtEnd:0} MB file-backed (RssFile: code, and the mapped index pages read)"));
            }

            WriteSets($"web (GET over loopback, {web.App})", web.QuerySets);
        }

        foreach (var warning in report.Warnings)
        {
            Console.WriteLine();
            Console.WriteLine($"warning: {warning}");
        }
    }

    private static void WriteSets(string title, List<SearchBenchmarkReport.QuerySet> sets)
    {
        foreach (var set in sets)
        {
            Console.WriteLine();
            Console.WriteLine($"== {title}: {Path.GetFileName(set.File)} ==");
            Console.WriteLine(string.Create(C, $"queries: {set.Selected} timed (every {set.Every} of {set.Total}), warm-up {set.Warmup}"));
            Console.WriteLine("mode         threads  requests  errors    p50 ms    p95 ms    p99 ms   mean ms    max ms     req/s  cpu");
            foreach (var row in set.Rows)
            {
                Console.WriteLine(RowText(null, row));
            }
        }
    }

    private static string RowText(string? file, SearchBenchmarkReport.Row r) => string.Create(C,
        $"{(file is null ? string.Empty : file + " ")}{r.Mode,-12} {r.Threads,7} {r.Requests,9} {r.Errors,7} {r.P50,9:0.00} {r.P95,9:0.00} {r.P99,9:0.00} {r.Mean,9:0.00} {r.Max,9:0.0} {r.PerSecond,9:0.0}  {(r.CpuShare is { } cpu ? cpu.ToString("P0", C) : "-")}{(r.AppRssMb is { } rss ? string.Create(C, $"  app rss {rss:0} MB") : string.Empty)}{(r.AppCpuShare is { } appCpu ? string.Create(C, $" app cpu {appCpu:P0}") : string.Empty)}");
}
