using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>
/// <c>kb bench search --passages P.jsonl --queries Q.jsonl</c>: builds a real on-disk data folder from a passages
/// file (<see cref="BenchCorpus"/>), then times, per query file, what <see cref="SearchWorkload"/> describes — the
/// search page's request, the <c>/api/search</c> default request, a bare request (the like-for-like figure against
/// a plain Lucene search) and suggestions on typed prefixes — with <see cref="LatencyMeter"/>; with <c>--web</c>
/// also the real app over loopback (<see cref="WebAppProcess"/>). The report is
/// <see cref="SearchBenchmarkReport"/>, printed by <see cref="SearchBenchmarkReportWriter"/>.
/// </summary>
internal static class SearchBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var passages = new Option<string>("--passages") { Description = "Passages, one JSON object a line: {\"id\",\"title\",\"text\"[,\"collection\"]}", Required = true };
        var queries = new Option<string[]>("--queries") { Description = "Queries, one JSON object a line: {\"id\",\"query\"}; repeat for several files", Required = true };
        var every = new Option<int>("--every") { Description = "Time every K-th query of each file (default 1 = all)", DefaultValueFactory = _ => 1 };
        var warmup = new Option<int>("--warmup") { Description = "Queries run untimed before each file's timed pass", DefaultValueFactory = _ => 200 };
        var index = new Option<string?>("--index") { Description = "Data folder to build (default: a temporary folder, deleted afterwards)" };
        var keep = new Option<bool>("--keep") { Description = "Keep the data folder afterwards, and reuse it when it already holds an index" };
        var threads = new Option<int>("--threads") { Description = "Also measure with this many concurrent threads (1 = single thread only)", DefaultValueFactory = _ => 1 };
        var perDocument = new Option<int>("--per-document") { Description = "Passages of one collection, in file order, grouped into one document", DefaultValueFactory = _ => 20 };
        var modes = new Option<string>("--modes") { Description = "Comma-separated: page, api, bare, suggest", DefaultValueFactory = _ => string.Join(',', SearchWorkload.AllModes) };
        var web = new Option<bool>("--web") { Description = "Also start the web app on the data folder and time GET /?q= and /api/suggest over loopback" };
        var webApp = new Option<string?>("--web-app") { Description = "KnowledgeBase.Web.dll to start (default: the build beside kb's configuration in the repository)" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var indexBatch = new Option<int>("--index-batch") { Description = "Documents whose catalog rows are written at once; above 1 the load is a pipeline feeding the index's writer threads (one per core; LuceneIndex.StartLoad); 1 = Upsert one by one on one thread", DefaultValueFactory = _ => 1 };
        var commitEvery = new Option<int>("--commit-every") { Description = "Passages between the load's commits; 0 = one commit at the end (segments are then flushed when the writer's RAM buffer, Search:RamBufferMb, fills)", DefaultValueFactory = _ => 10_000 };
        var maxSegments = new Option<int?>("--max-segments") { Description = "After the load, force-merge the index into at most this many segments (as kb optimize; timed apart)" };
        var clients = new Option<string?>("--clients") { Description = "With --web: timed load passes over loopback with these numbers of concurrent clients, e.g. 1,4,16 (default: every request once, untimed)" };
        var duration = new Option<string>("--duration") { Description = "Length of each --clients load pass: 20s, 500ms, 2m (default 20s)", DefaultValueFactory = _ => "20s" };
        var webOnly = new Option<bool>("--web-only") { Description = "Time only the app over loopback (implies --web): the index is built or reused, no in-process passes" };
        var webPort = new Option<int>("--web-port") { Description = "Loopback port for the app kb starts (default: a free one)" };
        var audience = new Option<string>("--audience") { Description = "In process, whose searches: everyone (no visibility filter, as the Java peer), visitor (public documents: an anonymous visitor's filter) or user (a signed-in user's: public, internal and their own)", DefaultValueFactory = _ => "everyone" };
        var perQuery = new Option<string?>("--per-query") { Description = "Write each in-process request's latency to this file, one JSON object a line ({set, mode, threads, i, request, ms}): which questions make the tail" };
        var webUrl = new Option<string?>("--web-url") { Description = "Time an app already running on this loopback address (e.g. http://127.0.0.1:5210/) instead of starting one; no memory or start time" };
        var command = new Command("search", "Latency percentiles of the search page, /api/search and suggestions over a passages file")
        {
            passages, queries, every, warmup, index, keep, threads, perDocument, modes, web, webApp, json, indexBatch, commitEvery, maxSegments, clients, duration, webOnly, webPort, webUrl, audience, perQuery,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var levels = SearchBenchmarkSettings.ParseClients(result.GetValue(clients));
            var length = SearchBenchmarkSettings.ParseDuration(result.GetValue(duration));
            var url = result.GetValue(webUrl) is { } u ? SearchBenchmarkSettings.ParseLoopbackUrl(u) : null;
            var port = result.GetValue(webPort);
            var problem = levels is null ? $"--clients must be distinct numbers from 1 to {SearchBenchmarkSettings.MaxClients}, comma-separated"
                : length is null ? "--duration must be like 20s, 500ms or 2m (100 ms to 1 hour)"
                : result.GetValue(webUrl) is not null && url is null ? "--web-url must be an http address on this machine's loopback (127.0.0.1, ::1, localhost)"
                : port is < 0 or > 65_535 ? "--web-port must be a port number"
                : SearchWorkload.AudienceNamed(result.GetValue(audience)) is null ? "--audience must be everyone, visitor or user"
                : result.GetValue(commitEvery) < 0 ? "--commit-every must be 0 (once, at the end) or a number of passages"
                : result.GetValue(maxSegments) is < 1 ? "--max-segments must be at least 1"
                : null;
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync("kb bench search: " + problem);
                return 1;
            }

            return await RunAsync(
                new SearchBenchmarkSettings(
                    result.GetValue(passages)!,
                    result.GetValue(queries)!,
                    Math.Max(1, result.GetValue(every)),
                    Math.Max(0, result.GetValue(warmup)),
                    result.GetValue(index),
                    result.GetValue(keep),
                    Math.Clamp(result.GetValue(threads), 1, 64),
                    Math.Max(1, result.GetValue(perDocument)),
                    [.. result.GetValue(modes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                    result.GetValue(web),
                    result.GetValue(webApp),
                    result.GetValue(json),
                    Math.Max(1, result.GetValue(indexBatch)))
                {
                    Clients = levels!,
                    Duration = length!.Value,
                    WebOnly = result.GetValue(webOnly),
                    WebPort = port,
                    WebUrl = url,
                    Audience = result.GetValue(audience)!,
                    CommitEvery = result.GetValue(commitEvery),
                    MaxSegments = result.GetValue(maxSegments),
                    PerQuery = result.GetValue(perQuery),
                },
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(SearchBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var unknown = settings.Modes.Except(SearchWorkload.AllModes, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"kb bench search: unknown mode {string.Join(", ", unknown)} (known: {string.Join(", ", SearchWorkload.AllModes)})");
            return 1;
        }

        foreach (var file in settings.Queries.Prepend(settings.Passages))
        {
            if (!File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"kb bench search: no file {Path.GetFullPath(file)}");
                return 1;
            }
        }

        var data = Path.GetFullPath(settings.Index ?? Path.Combine(Path.GetTempPath(), "kb-bench-search-" + Guid.NewGuid().ToString("N")));
        var lucene = Path.Combine(data, "lucene");
        var reuse = settings.Keep && Directory.Exists(lucene) && Directory.EnumerateFileSystemEntries(lucene).Any();
        if (!reuse && Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
        {
            await Console.Error.WriteLineAsync($"kb bench search: {data} is not empty; pass --keep to reuse the index in it, or choose an empty folder");
            return 1;
        }

        var report = new SearchBenchmarkReport
        {
            Machine = SearchBenchmarkReport.MachineInfo.Current(),
            Passages = Path.GetFullPath(settings.Passages),
            DataFolder = data,
            PassagesPerDocument = settings.PerDocument,
            Audience = settings.Audience,
        };
        try
        {
            // An app already running holds its own index: with --web-url --web-only there is nothing to build here.
            if (settings.WebUrl is null || !settings.WebOnly)
            {
                await MeasureServicesAsync(settings, data, lucene, reuse, report, cancellationToken);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (settings.AnyWeb)
            {
                var webResult = await MeasureWebAsync(settings, data, report, cancellationToken);
                if (webResult != 0)
                {
                    return webResult;
                }
            }

            report.Machine = report.Machine with { LoadAverageAtEnd = SearchBenchmarkReport.MachineInfo.LoadAverage() };
            SearchBenchmarkReportWriter.Write(report, settings.Json);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!settings.Keep && Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>The index phase, then every mode of every query file against the services in this process.</summary>
    private static async Task MeasureServicesAsync(SearchBenchmarkSettings settings, string data, string lucene, bool reuse, SearchBenchmarkReport report, CancellationToken cancellationToken)
    {
        // Every answer timed as if first asked: the per-snapshot answers (suggestions, did-you-mean look-ups) would
        // otherwise time the warm-up's and the other passes' repeats.
        using var firstAsked = KnowledgeBase.Search.Indexing.SnapshotMemoScope.Bypass();
        await using var services = CliServices.Build(data, configure: c => c.AddInMemoryCollection(
        [
            new("Ingestion:InboxPath", string.Empty),
            new("KnowledgeBase:SeedsPath", string.Empty),
        ]));
        var index = services.GetRequiredService<LuceneIndex>();
        var documents = services.GetRequiredService<DocumentStore>();
        var indexing = reuse ? BenchCorpus.Reused(index, documents, lucene) : await BenchCorpus.BuildAsync(settings, index, documents, lucene, cancellationToken);
        report.Indexing = indexing;
        SearchBenchmarkReportWriter.Progress(string.Create(C, $"index: {indexing.Passages:N0} passages in {indexing.Documents:N0} documents{(reuse ? " (reused)" : string.Create(C, $", {indexing.PassagesPerSecond:N0} passages/s"))}, {indexing.IndexMb:N1} MB"));

        if (settings.WebOnly)
        {
            return;
        }

        var search = services.GetRequiredService<ISearchService>();
        var suggestions = services.GetRequiredService<ISuggestionService>();
        await using var perQuery = settings.PerQuery is { } path ? new StreamWriter(path, append: false) : null;
        foreach (var (set, selected) in QuerySets(settings))
        {
            report.QuerySets.Add(set);
            foreach (var mode in settings.Modes)
            {
                var run = SearchWorkload.InProcess(mode, search, suggestions, documents, SearchWorkload.AudienceNamed(settings.Audience)!);
                var requests = SearchWorkload.Requests(mode, selected);
                await foreach (var row in LatencyMeter.MeasureAsync(mode, requests, SearchWorkload.Warmup(mode, set.Warmup), settings.Threads, q => Task.FromResult(run(q)), cancellationToken))
                {
                    set.Rows.Add(row);
                    SearchBenchmarkReportWriter.Progress(set, row);
                    if (perQuery is not null && row.PerRequest is { } latencies)
                    {
                        await WritePerQueryAsync(perQuery, Path.GetFileName(set.File), row, requests, latencies);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The real app on the data folder (or the one at <c>--web-url</c>), timed with GET requests over loopback:
    /// its start to the first search answer, then per query file and web mode either every request once
    /// (<see cref="LatencyMeter.MeasureAsync"/>) or timed load passes at each <c>--clients</c> level
    /// (<see cref="LatencyMeter.TimedPassAsync"/>), with the app's resident memory; 1 when it cannot be started.
    /// </summary>
    private static async Task<int> MeasureWebAsync(SearchBenchmarkSettings settings, string data, SearchBenchmarkReport report, CancellationToken cancellationToken)
    {
        var sets = QuerySets(settings).ToList();
        var first = sets.SelectMany(s => s.Selected).FirstOrDefault();
        WebAppProcess? app = null;
        string appName;
        Uri address;
        if (settings.WebUrl is { } url)
        {
            appName = url.ToString();
            address = url;
        }
        else
        {
            var dll = settings.WebApp ?? WebAppBuild.Locate();
            if (dll is null || !File.Exists(dll))
            {
                await Console.Error.WriteLineAsync($"kb bench search: KnowledgeBase.Web.dll not found{(dll is null ? string.Empty : " at " + dll)}; build src/KnowledgeBase.Web (same configuration as kb) or pass --web-app");
                return 1;
            }

            if (WebAppBuild.StaleSearchAssembly(dll) is { } stale)
            {
                await Console.Error.WriteLineAsync($"kb bench search: warning: {stale} differs from kb's own; rebuild src/KnowledgeBase.Web in the same configuration");
                report.Warnings.Add("the web app's KnowledgeBase.Search.dll differs from kb's (stale build?)");
            }

            appName = dll;
            app = new WebAppProcess(
                dll,
                [
                    new("KnowledgeBase:DataPath", data),
                    new("KnowledgeBase:SeedsPath", string.Empty),
                    new("Ingestion:InboxPath", string.Empty),
                    new("Logging:LogLevel:Default", "Warning"),
                ],
                settings.WebPort);
            address = app.BaseAddress;
        }

        using var owned = app;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 2 * SearchBenchmarkSettings.MaxClients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        var web = report.Web = new SearchBenchmarkReport.WebResult
        {
            App = appName,
            Url = address.ToString(),
            Clients = settings.Clients.Length > 0 ? settings.Clients : null,
            DurationSeconds = settings.Clients.Length > 0 ? settings.Duration.TotalSeconds : null,
        };
        if (app is not null)
        {
            try
            {
                await app.StartAsync(TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(20), cancellationToken);
                web.StartToListeningMs = Stopwatch.GetElapsedTime(app.LaunchedAt).TotalMilliseconds;
                if (first is not null)
                {
                    await FirstAnswerAsync(client, first, TimeSpan.FromSeconds(120), cancellationToken);
                    web.StartToFirstAnswerMs = Stopwatch.GetElapsedTime(app.LaunchedAt).TotalMilliseconds;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"kb bench search: the web app did not answer:\n{app.Log}");
                return 1;
            }

            SearchBenchmarkReportWriter.Progress(string.Create(C, $"web: {address} listening {web.StartToListeningMs:N0} ms, first search answer {web.StartToFirstAnswerMs:N0} ms after launch"));
        }

        var pid = app?.ProcessId;
        foreach (var (set, selected) in sets)
        {
            web.QuerySets.Add(set);
            foreach (var mode in SearchWorkload.WebModes.Where(m => settings.Modes.Contains(m, StringComparer.Ordinal)))
            {
                var path = SearchWorkload.WebPath(mode);
                async Task<bool> Get(string q)
                {
                    using var response = await client.GetAsync(path + Uri.EscapeDataString(q), cancellationToken);
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                    return response.IsSuccessStatusCode;
                }

                var requests = SearchWorkload.Requests(mode, selected);
                if (settings.Clients.Length == 0)
                {
                    await foreach (var row in LatencyMeter.MeasureAsync("web " + mode, requests, SearchWorkload.Warmup(mode, set.Warmup), settings.Threads, Get, cancellationToken))
                    {
                        // This process's CPU says nothing about the app's.
                        var webRow = row with { CpuShare = null };
                        set.Rows.Add(webRow);
                        SearchBenchmarkReportWriter.Progress(set, webRow);
                    }

                    continue;
                }

                foreach (var request in requests.Take(SearchWorkload.Warmup(mode, set.Warmup)))
                {
                    await Get(request);
                }

                foreach (var level in settings.Clients)
                {
                    using var sampler = pid is { } id ? new AppProcessSampler(id) : null;
                    var row = await LatencyMeter.TimedPassAsync("web " + mode, level, settings.Duration, requests, Get, cancellationToken);
                    row = row with { AppRssMb = sampler?.PeakResidentMb, AppCpuShare = sampler?.CpuShare };
                    set.Rows.Add(row);
                    SearchBenchmarkReportWriter.Progress(set, row);
                }
            }
        }

        if (pid is { } last)
        {
            web.AppPeakRssMb = AppProcessSampler.StatusMb(last, "VmHWM");
            web.AppRssMbAtEnd = AppProcessSampler.StatusMb(last, "VmRSS");
            web.AppRssAnonMbAtEnd = AppProcessSampler.StatusMb(last, "RssAnon");
            web.AppRssFileMbAtEnd = AppProcessSampler.StatusMb(last, "RssFile");
        }

        return 0;
    }

    /// <summary>Asks <c>/api/search?q=</c> until it answers 200 with a search result (its <c>total</c>).</summary>
    private static async Task FirstAnswerAsync(HttpClient client, string query, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            try
            {
                using var response = await client.GetAsync("api/search?q=" + Uri.EscapeDataString(query), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
                    if (json.RootElement.TryGetProperty("total", out _))
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not answering yet.
            }

            await Task.Delay(20, cancellationToken);
        }

        throw new TimeoutException($"No search answer for \"{query}\" within {timeout.TotalSeconds:0} s");
    }

    /// <summary>Each query file's report section, with the queries it times.</summary>
    /// <summary>One line a request of a pass: its query file, mode, workers, place in the file's selection, text and latency.</summary>
    internal static async Task WritePerQueryAsync(TextWriter writer, string set, SearchBenchmarkReport.Row row, List<string> requests, double[] latencies)
    {
        for (var i = 0; i < requests.Count && i < latencies.Length; i++)
        {
            var line = new Dictionary<string, object>
            {
                ["set"] = set,
                ["mode"] = row.Mode,
                ["threads"] = row.Threads,
                ["i"] = i,
                ["request"] = requests[i],
                ["ms"] = Math.Round(latencies[i], 3),
            };
            await writer.WriteLineAsync(System.Text.Json.JsonSerializer.Serialize(line, PerQueryJson));
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions PerQueryJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IEnumerable<(SearchBenchmarkReport.QuerySet Set, List<string> Selected)> QuerySets(SearchBenchmarkSettings settings)
    {
        foreach (var file in settings.Queries)
        {
            var (all, selected) = SearchWorkload.ReadQueries(file, settings.Every);
            var set = new SearchBenchmarkReport.QuerySet { File = Path.GetFullPath(file), Total = all, Selected = selected.Count, Every = settings.Every, Warmup = Math.Min(settings.Warmup, selected.Count) };
            yield return (set, selected);
        }
    }
}
