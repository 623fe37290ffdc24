using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Hosting;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Search.Evaluation;
using KnowledgeBase.Search.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb bench search --passages P.jsonl --queries Q.jsonl</c>: builds a real on-disk data folder (Lucene index
/// and SQLite catalog) from a passages file with the production services, then times, per query file, the
/// request the search page sends (grouped, facets, did-you-mean, highlight, plus its catalog look-ups), the
/// <c>/api/search</c> default request, a bare request (no highlight, no correction: the like-for-like figure
/// against a plain Lucene search) and suggestions on typed prefixes; with <c>--web</c> also the real app over
/// loopback. Percentiles over every timed request, 1 thread and optionally N concurrent threads.
/// </summary>
internal static class SearchBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly DocumentKind[] Kinds = [DocumentKind.Pdf, DocumentKind.Html, DocumentKind.Word, DocumentKind.Text];
    private static readonly string[] AllModes = ["page", "api", "bare", "suggest"];
    private static readonly string[] WebModes = ["page", "suggest"];

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
        var modes = new Option<string>("--modes") { Description = "Comma-separated: page, api, bare, suggest", DefaultValueFactory = _ => string.Join(',', AllModes) };
        var web = new Option<bool>("--web") { Description = "Also start the web app on the data folder and time GET /?q= and /api/suggest over loopback" };
        var webApp = new Option<string?>("--web-app") { Description = "KnowledgeBase.Web.dll to start (default: the build beside kb's configuration in the repository)" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("search", "Latency percentiles of the search page, /api/search and suggestions over a passages file")
        {
            passages, queries, every, warmup, index, keep, threads, perDocument, modes, web, webApp, json,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new Settings(
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
                result.GetValue(json)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var unknown = settings.Modes.Except(AllModes, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"kb bench search: unknown mode {string.Join(", ", unknown)} (known: {string.Join(", ", AllModes)})");
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
        var reuse = settings.Keep && System.IO.Directory.Exists(lucene) && System.IO.Directory.EnumerateFileSystemEntries(lucene).Any();
        if (!reuse && System.IO.Directory.Exists(data) && System.IO.Directory.EnumerateFileSystemEntries(data).Any())
        {
            await Console.Error.WriteLineAsync($"kb bench search: {data} is not empty; pass --keep to reuse the index in it, or choose an empty folder");
            return 1;
        }

        var report = new Report
        {
            Machine = Machine(),
            Passages = Path.GetFullPath(settings.Passages),
            DataFolder = data,
            PassagesPerDocument = settings.PerDocument,
        };
        try
        {
            await using (var services = CliServices.Build(data, configure: c => c.AddInMemoryCollection(
            [
                new("Ingestion:InboxPath", string.Empty),
                new("KnowledgeBase:SeedsPath", string.Empty),
            ])))
            {
                var index = services.GetRequiredService<LuceneIndex>();
                var catalog = services.GetRequiredService<CatalogStore>();
                report.Indexing = reuse ? Reused(index, catalog, lucene) : await BuildAsync(settings, index, catalog, lucene, cancellationToken);
                Progress(string.Create(C, $"index: {report.Indexing.Passages:N0} passages in {report.Indexing.Documents:N0} documents{(reuse ? " (reused)" : string.Create(C, $", {report.Indexing.PassagesPerSecond:N0} passages/s"))}, {report.Indexing.IndexMb:N1} MB"));

                var search = services.GetRequiredService<ISearchService>();
                var suggestions = services.GetRequiredService<ISuggestionService>();
                foreach (var file in settings.Queries)
                {
                    var (all, selected) = ReadQueries(file, settings.Every);
                    var set = new QuerySet { File = Path.GetFullPath(file), Total = all, Selected = selected.Count, Every = settings.Every, Warmup = Math.Min(settings.Warmup, selected.Count) };
                    report.QuerySets.Add(set);
                    foreach (var mode in settings.Modes)
                    {
                        var requests = mode == "suggest" ? [.. selected.SelectMany(TypedPrefixes)] : selected;
                        Func<string, bool> run = mode switch
                        {
                            "page" => q => PageRequest(search, catalog, q),
                            "api" => q => Search(search, ApiRequest(q)),
                            "bare" => q => Search(search, BareRequest(q)),
                            _ => q => suggestions.Suggest(q, 8, Audience.Everyone).Count >= 0,
                        };
                        await MeasureAllThreadsAsync(set, mode, requests, run, settings, cancellationToken);
                    }
                }
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (settings.Web)
            {
                var webResult = await MeasureWebAsync(settings, data, report, cancellationToken);
                if (webResult != 0)
                {
                    return webResult;
                }
            }

            report.Machine = report.Machine with { LoadAverageAtEnd = LoadAverage() };
            if (settings.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
            }
            else
            {
                PrintText(report);
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!settings.Keep && System.IO.Directory.Exists(data))
            {
                System.IO.Directory.Delete(data, recursive: true);
            }
        }
    }

    // ---- index phase ----

    /// <summary>
    /// Feeds the passages through <see cref="LuceneIndex.Upsert"/> document by document: the next
    /// <c>--per-document</c> passages of one collection (in file order) make a document titled after its first passage (each passage's
    /// own title becomes its section), with a kind, a year and a collection so that facets have values to count.
    /// Commits through the ingestion's <see cref="IndexCommitter"/> every 10,000 passages. The catalog rows the
    /// search page reads are written too, timed apart.
    /// </summary>
    private static async Task<IndexingResult> BuildAsync(Settings settings, LuceneIndex index, CatalogStore catalog, string lucene, CancellationToken cancellationToken)
    {
        using var committer = new IndexCommitter(index);
        var indexing = new Stopwatch();
        var cataloging = new Stopwatch();
        var total = Stopwatch.StartNew();
        var passages = 0;
        var documents = 0;
        var sinceCommit = 0;
        var bytes = 0L;
        var buffers = new Dictionary<string, List<PassageLine>>(StringComparer.Ordinal);

        void Flush(List<PassageLine> buffer)
        {
            if (buffer.Count == 0)
            {
                return;
            }

            var document = DocumentFor(documents, buffer);
            var list = buffer.Select((p, i) => new Passage
            {
                DocumentId = document.Id,
                Ordinal = i,
                PageNumber = document.Kind == DocumentKind.Pdf ? (i / 3) + 1 : 1,
                Text = p.Text,
                EndOffset = p.Text.Length,
                Section = string.IsNullOrWhiteSpace(p.Title) ? null : p.Title,
            }).ToList();
            indexing.Start();
            index.Upsert(document, list);
            indexing.Stop();
            cataloging.Start();
            catalog.SaveDocument(document, [], []);
            cataloging.Stop();
            documents++;
            passages += list.Count;
            sinceCommit += list.Count;
            buffer.Clear();
        }

        using (var reader = new StreamReader(settings.Passages, Encoding.UTF8))
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                bytes += Encoding.UTF8.GetByteCount(line) + 1;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                indexing.Start();
                var passage = JsonSerializer.Deserialize<PassageLine>(line, LineJson);
                indexing.Stop();
                if (passage is null || string.IsNullOrWhiteSpace(passage.Text))
                {
                    continue;
                }

                var collection = passage.Collection ?? string.Empty;
                if (!buffers.TryGetValue(collection, out var buffer))
                {
                    buffers[collection] = buffer = new List<PassageLine>(settings.PerDocument);
                }

                buffer.Add(passage);
                if (buffer.Count == settings.PerDocument)
                {
                    Flush(buffer);
                }

                if (sinceCommit >= 10_000)
                {
                    indexing.Start();
                    await committer.CommitAsync(cancellationToken);
                    indexing.Stop();
                    sinceCommit = 0;
                    Progress(string.Create(C, $"  {passages:N0} passages, {passages / indexing.Elapsed.TotalSeconds:N0} passages/s"));
                }
            }
        }

        foreach (var buffer in buffers.Values)
        {
            Flush(buffer);
        }

        indexing.Start();
        await committer.CommitAsync(cancellationToken);
        indexing.Stop();
        var (mb, segments) = IndexSize(lucene);
        return new IndexingResult
        {
            Passages = passages,
            Documents = documents,
            JsonlMb = bytes / 1048576.0,
            IndexSeconds = indexing.Elapsed.TotalSeconds,
            CatalogSeconds = cataloging.Elapsed.TotalSeconds,
            TotalSeconds = total.Elapsed.TotalSeconds,
            PassagesPerSecond = passages / indexing.Elapsed.TotalSeconds,
            IndexMb = mb,
            Segments = segments,
        };
    }

    private static IndexingResult Reused(LuceneIndex index, CatalogStore catalog, string lucene)
    {
        var (mb, segments) = IndexSize(lucene);
        return new IndexingResult { Passages = index.PassageCount, Documents = catalog.CountDocuments(), IndexMb = mb, Segments = segments, Reused = true };
    }

    private static DocumentInfo DocumentFor(int number, List<PassageLine> passages)
    {
        var first = passages[0];
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(C, $"kb-bench-search {number} {first.Id}"))));
        var kind = Kinds[number % Kinds.Length];
        return new DocumentInfo
        {
            Id = DocumentIds.IdFromHash(hash),
            Title = string.IsNullOrWhiteSpace(first.Title) ? first.Id ?? "?" : first.Title,
            Kind = kind,
            ContentHash = hash,
            ContentType = kind switch
            {
                DocumentKind.Pdf => "application/pdf",
                DocumentKind.Html => "text/html",
                DocumentKind.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                _ => "text/plain",
            },
            FileName = (first.Id ?? "passage") + kind switch { DocumentKind.Pdf => ".pdf", DocumentKind.Html => ".html", DocumentKind.Word => ".docx", _ => ".txt" },
            Source = "cli",
            Date = new DateOnly(2010 + (number % 15), 1 + (number % 12), 1 + (number % 28)),
            PageCount = kind == DocumentKind.Pdf ? ((passages.Count - 1) / 3) + 1 : 1,
            SizeBytes = passages.Sum(p => (long)p.Text.Length),
            Tags = number % 3 == 0 ? ["bench"] : [],
            Collection = string.IsNullOrWhiteSpace(first.Collection) ? "bench" : first.Collection,
            AddedBy = "kb bench search",
            AddedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
    }

    private static (double Mb, int Segments) IndexSize(string lucene)
    {
        var files = new DirectoryInfo(lucene).GetFiles();
        return (files.Sum(f => f.Length) / 1048576.0, files.Count(f => f.Extension == ".si"));
    }

    // ---- search phase ----

    /// <summary>What <c>SearchParameters.ToRequest()</c> sends for <c>/?q=</c> (first page, passages view), and the catalog look-ups of the controller.</summary>
    private static bool PageRequest(ISearchService search, CatalogStore catalog, string query)
    {
        SearchResults results;
        try
        {
            results = search.Search(new SearchRequest
            {
                Query = query,
                Page = 1,
                PageSize = 10,
                Sort = SearchSort.Relevance,
                Highlight = true,
                GroupByDocument = true,
                PassagesPerDocument = 3,
                IncludeFacets = true,
                SuggestCorrection = true,
            });
        }
        catch (QuerySyntaxException)
        {
            return false;
        }

        _ = catalog.GetDocuments(results.Hits.Select(h => h.DocumentId));

        return true;
    }

    /// <summary><c>GET /api/search?q=</c> with its defaults: first 10 passages, ungrouped, no facets, did-you-mean, highlighted.</summary>
    private static SearchRequest ApiRequest(string query) => new()
    {
        Query = query,
        Page = 1,
        PageSize = 10,
        PassagesPerDocument = 3,
        Highlight = true,
        SuggestCorrection = true,
    };

    /// <summary>The top 10 passages and nothing else (still our query and the top-20 rerank).</summary>
    private static SearchRequest BareRequest(string query) => new() { Query = query, PageSize = 10, Highlight = false };

    private static bool Search(ISearchService search, SearchRequest request)
    {
        try
        {
            search.Search(request);
            return true;
        }
        catch (QuerySyntaxException)
        {
            return false;
        }
    }

    /// <summary>
    /// What a user types on the way to the query: a partial first word, then 1, 2 and 3 complete words each
    /// followed by the first half (at least 2 letters) of the next one.
    /// </summary>
    internal static IEnumerable<string> TypedPrefixes(string query)
    {
        var words = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (var complete = 0; complete <= 3 && complete < words.Length; complete++)
        {
            var next = words[complete];
            var partial = next[..Math.Min(next.Length, Math.Max(2, (next.Length + 1) / 2))];
            yield return complete == 0 ? partial : string.Join(' ', words.Take(complete)) + " " + partial;
        }
    }

    private static (int Total, List<string> Selected) ReadQueries(string file, int every)
    {
        // The same reader as kb eval's: one {"id","query"} object a line.
        List<string> all = [.. RelevanceCollections.ReadQueries(file).Select(q => q.Query.Trim()).Where(q => q.Length > 0)];
        return (all.Count, [.. all.Where((_, i) => i % every == 0)]);
    }

    private static async Task MeasureAllThreadsAsync(QuerySet set, string mode, List<string> requests, Func<string, bool> run, Settings settings, CancellationToken cancellationToken)
    {
        var warm = mode == "suggest" ? Math.Min(requests.Count, set.Warmup * 4) : set.Warmup;
        foreach (var request in requests.Take(warm))
        {
            run(request);
        }

        foreach (var threads in settings.Threads > 1 ? new[] { 1, settings.Threads } : [1])
        {
            var row = await MeasureAsync(mode, threads, requests, q => Task.FromResult(run(q)), cancellationToken);
            set.Rows.Add(row);
            Progress(RowText(Path.GetFileName(set.File), row));
        }
    }

    /// <summary>Runs every request once, spread over <paramref name="threads"/> workers taking the next request in turn.</summary>
    private static async Task<Row> MeasureAsync(string mode, int threads, List<string> requests, Func<string, Task<bool>> run, CancellationToken cancellationToken)
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
        Array.Sort(latencies);
        return new Row
        {
            Mode = mode,
            Threads = threads,
            Requests = requests.Count,
            Errors = errors,
            P50 = Statistics.Percentile(latencies, 50),
            P95 = Statistics.Percentile(latencies, 95),
            P99 = Statistics.Percentile(latencies, 99),
            Mean = latencies.Length == 0 ? 0 : latencies.Average(),
            Max = latencies.Length == 0 ? 0 : latencies[^1],
            PerSecond = requests.Count / seconds,
            CpuShare = cpuSeconds / seconds / Environment.ProcessorCount,
        };
    }

    // ---- the real app ----

    private static async Task<int> MeasureWebAsync(Settings settings, string data, Report report, CancellationToken cancellationToken)
    {
        var dll = settings.WebApp ?? LocateWebApp();
        if (dll is null || !File.Exists(dll))
        {
            await Console.Error.WriteLineAsync($"kb bench search: KnowledgeBase.Web.dll not found{(dll is null ? string.Empty : " at " + dll)}; build src/KnowledgeBase.Web (same configuration as kb) or pass --web-app");
            return 1;
        }

        // A web build older than kb's would time other search code than the in-process rows.
        var ours = Path.Combine(AppContext.BaseDirectory, "KnowledgeBase.Search.dll");
        var theirs = Path.Combine(Path.GetDirectoryName(dll)!, "KnowledgeBase.Search.dll");
        if (File.Exists(ours) && File.Exists(theirs) && !File.ReadAllBytes(ours).AsSpan().SequenceEqual(File.ReadAllBytes(theirs)))
        {
            await Console.Error.WriteLineAsync($"kb bench search: warning: {theirs} differs from kb's own; rebuild src/KnowledgeBase.Web in the same configuration");
            report.Warnings.Add("the web app's KnowledgeBase.Search.dll differs from kb's (stale build?)");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(string.Create(C, $"--urls=http://127.0.0.1:{port}"));
        start.ArgumentList.Add($"--KnowledgeBase:DataPath={data}");
        start.ArgumentList.Add("--KnowledgeBase:SeedsPath=");
        start.ArgumentList.Add("--Ingestion:InboxPath=");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var log = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the web app");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(string.Create(C, $"http://127.0.0.1:{port}/")), Timeout = TimeSpan.FromSeconds(120) };
            if (!await WaitForAppAsync(client, process, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"kb bench search: the web app did not answer:\n{Locked(log)}");
                return 1;
            }

            report.Web = new WebResult { App = dll };
            foreach (var file in settings.Queries)
            {
                var (all, selected) = ReadQueries(file, settings.Every);
                var set = new QuerySet { File = Path.GetFullPath(file), Total = all, Selected = selected.Count, Every = settings.Every, Warmup = Math.Min(settings.Warmup, selected.Count) };
                report.Web.QuerySets.Add(set);
                foreach (var mode in WebModes.Where(m => settings.Modes.Contains(m, StringComparer.Ordinal)))
                {
                    var requests = mode == "suggest" ? [.. selected.SelectMany(TypedPrefixes)] : selected;
                    var path = mode == "page" ? "/?q=" : "/api/suggest?q=";
                    async Task<bool> Get(string q)
                    {
                        using var response = await client.GetAsync(path + Uri.EscapeDataString(q), cancellationToken);
                        await response.Content.LoadIntoBufferAsync(cancellationToken);
                        return response.IsSuccessStatusCode;
                    }

                    foreach (var request in requests.Take(mode == "suggest" ? set.Warmup * 4 : set.Warmup))
                    {
                        await Get(request);
                    }

                    foreach (var threads in settings.Threads > 1 ? new[] { 1, settings.Threads } : [1])
                    {
                        // This process's CPU says nothing about the app's.
                        var row = await MeasureAsync("web " + mode, threads, requests, Get, cancellationToken) with { CpuShare = null };
                        set.Rows.Add(row);
                        Progress(RowText(Path.GetFileName(set.File), row));
                    }
                }
            }

            return 0;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private static async Task<bool> WaitForAppAsync(HttpClient client, Process process, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("api/jobs", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        return false;
    }

    /// <summary>The web app built in the same configuration as this kb, in the repository kb runs from.</summary>
    private static string? LocateWebApp()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        foreach (var root in new[] { new KnowledgeBaseOptions().EffectiveBaseDirectory, FindUp(AppContext.BaseDirectory) })
        {
            if (root is null)
            {
                continue;
            }

            var dll = Path.Combine(root, "src", "KnowledgeBase.Web", "bin", configuration, "net10.0", "KnowledgeBase.Web.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }

        return null;
    }

    private static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeBase.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static string Locked(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    // ---- report ----

    private static MachineInfo Machine() => new()
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

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static void PrintText(Report report)
    {
        var m = report.Machine;
        var i = report.Indexing!;
        Console.WriteLine("kb bench search");
        Console.WriteLine(string.Create(C, $"machine: {m.Cores} cores, {m.MemoryGb:0.0} GB, {m.Runtime}, {m.Configuration}; load average {m.LoadAverageAtStart} at start, {m.LoadAverageAtEnd} at end"));
        Console.WriteLine($"passages: {report.Passages}");
        Console.WriteLine($"data folder: {report.DataFolder}");
        Console.WriteLine();
        Console.WriteLine("== index ==");
        Console.WriteLine(string.Create(C, $"passages: {i.Passages} in {i.Documents} documents (up to {report.PassagesPerDocument} passages of one collection each, in file order)"));
        if (i.Reused)
        {
            Console.WriteLine("indexing: reused the existing index (--keep)");
        }
        else
        {
            Console.WriteLine(string.Create(C, $"indexing: {i.IndexSeconds:0.0} s (read + parse + Upsert + commits), {i.PassagesPerSecond:0} passages/s, {i.JsonlMb / i.IndexSeconds:0.0} MB/s of jsonl"));
            Console.WriteLine(string.Create(C, $"catalog rows: {i.CatalogSeconds:0.0} s more; wall {i.TotalSeconds:0.0} s"));
        }

        Console.WriteLine(string.Create(C, $"index size: {i.IndexMb:0.0} MB in {i.Segments} segments"));
        PrintSets("service (in process, LuceneSearchService / SuggestionService)", report.QuerySets);
        if (report.Web is { } web)
        {
            PrintSets($"web (GET over loopback, {web.App})", web.QuerySets);
        }

        foreach (var warning in report.Warnings)
        {
            Console.WriteLine();
            Console.WriteLine($"warning: {warning}");
        }
    }

    private static void PrintSets(string title, List<QuerySet> sets)
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

    private static string RowText(string? file, Row r) => string.Create(C,
        $"{(file is null ? string.Empty : file + " ")}{r.Mode,-12} {r.Threads,7} {r.Requests,9} {r.Errors,7} {r.P50,9:0.00} {r.P95,9:0.00} {r.P99,9:0.00} {r.Mean,9:0.00} {r.Max,9:0.0} {r.PerSecond,9:0.0}  {(r.CpuShare is { } cpu ? cpu.ToString("P0", C) : "-")}");

    private static void Progress(string line) => Console.Error.WriteLine(line);

    private static readonly JsonSerializerOptions LineJson = new(JsonSerializerDefaults.Web);

    private sealed record Settings(
        string Passages,
        string[] Queries,
        int Every,
        int Warmup,
        string? Index,
        bool Keep,
        int Threads,
        int PerDocument,
        string[] Modes,
        bool Web,
        string? WebApp,
        bool Json);

    private sealed record PassageLine(string? Id, string? Title, string Text, string? Collection);


    private sealed class Report
    {
        public required MachineInfo Machine { get; set; }

        public required string Passages { get; init; }

        public required string DataFolder { get; init; }

        public int PassagesPerDocument { get; init; }

        public IndexingResult? Indexing { get; set; }

        public List<QuerySet> QuerySets { get; } = [];

        public WebResult? Web { get; set; }

        public List<string> Warnings { get; } = [];
    }

    private sealed record MachineInfo
    {
        public int Cores { get; init; }

        public double MemoryGb { get; init; }

        public string? LoadAverageAtStart { get; init; }

        public string? LoadAverageAtEnd { get; init; }

        public string? Runtime { get; init; }

        public string? Configuration { get; init; }
    }

    private sealed record IndexingResult
    {
        public int Passages { get; init; }

        public int Documents { get; init; }

        public bool Reused { get; init; }

        public double JsonlMb { get; init; }

        public double IndexSeconds { get; init; }

        public double CatalogSeconds { get; init; }

        public double TotalSeconds { get; init; }

        public double PassagesPerSecond { get; init; }

        public double IndexMb { get; init; }

        public int Segments { get; init; }
    }

    private sealed class QuerySet
    {
        public required string File { get; init; }

        public int Total { get; init; }

        public int Selected { get; init; }

        public int Every { get; init; }

        public int Warmup { get; init; }

        public List<Row> Rows { get; } = [];
    }

    private sealed class WebResult
    {
        public required string App { get; init; }

        public List<QuerySet> QuerySets { get; } = [];
    }

    private sealed record Row
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
    }
}
