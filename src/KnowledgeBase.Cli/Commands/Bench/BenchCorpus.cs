using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;
using KnowledgeBase.Search.Indexing;
using IndexingResult = KnowledgeBase.Cli.Commands.Bench.SearchBenchmarkReport.IndexingResult;
using OptimizeResult = KnowledgeBase.Cli.Commands.Bench.SearchBenchmarkReport.OptimizeResult;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>
/// The index phase of <c>kb bench search</c>: a real on-disk data folder (Lucene index and SQLite catalog) built
/// from a passages file with the production services, or the one a previous <c>--keep</c> run left.
/// </summary>
internal static class BenchCorpus
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly DocumentKind[] Kinds = [DocumentKind.Pdf, DocumentKind.Html, DocumentKind.Word, DocumentKind.Text];
    private static readonly JsonSerializerOptions LineJson = new(JsonSerializerDefaults.Web);


    /// <summary>
    /// Feeds the passages through <see cref="LuceneIndex.Upsert"/> document by document: the next
    /// <c>--per-document</c> passages of one collection (in file order) make a document titled after its first passage (each passage's
    /// own title becomes its section), with a kind, a year and a collection so that facets have values to count.
    /// Commits through the ingestion's <see cref="IndexCommitter"/> every <c>--commit-every</c> passages (10,000; 0: once, at the
    /// end), then with <c>--max-segments</c> force-merges the index (timed apart, as <c>kb optimize</c> does). The catalog rows the search page
    /// reads are written too, a batch of documents in one transaction (<see cref="DocumentStore.SaveMany"/>).
    /// With <c>--index-batch</c> above 1 the load is a pipeline: this thread reads, parses, writes a batch's catalog rows
    /// and hands its documents to the index's writer threads (<see cref="LuceneIndex.StartLoad"/>, one per core, which
    /// never wait for each other), and each commit runs beside them once the documents handed before it are in; the
    /// indexing time is then the wall time of the whole load, catalog included. With 1, everything runs in turn on this thread and the catalog is timed apart.
    /// </summary>
    public static async Task<IndexingResult> BuildAsync(SearchBenchmarkSettings settings, LuceneIndex index, DocumentStore documentStore, string lucene, CancellationToken cancellationToken)
    {
        using var committer = new IndexCommitter(index);
        // A load that ends in a force-merge merges once, at the end (LuceneIndex.DeferMerges), as kb reindex does.
        using var deferral = settings.MaxSegments is not null ? index.DeferMerges() : null;
        var pipelined = settings.IndexBatch > 1;
        var indexing = new Stopwatch();
        var cataloging = new Stopwatch();
        var total = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var passages = 0;
        var documents = 0;
        var sinceCommit = 0;
        var bytes = 0L;
        var buffers = new Dictionary<string, List<PassageLine>>(StringComparer.Ordinal);
        var batch = new List<(DocumentInfo Document, IReadOnlyList<Passage> Passages)>(settings.IndexBatch);
        var load = pipelined ? index.StartLoad() : null;
        var commits = Task.CompletedTask;
        if (pipelined)
        {
            indexing.Start();
        }

        async Task IndexBatchAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            cataloging.Start();
            documentStore.SaveMany([.. batch.Select(b => (b.Document, (IReadOnlyList<ExtractedPage>)[], (IReadOnlyList<string>)[]))]);
            cataloging.Stop();
            if (load is not null)
            {
                foreach (var (document, passages) in batch)
                {
                    await load.AddAsync(document, passages, cancellationToken);
                }
            }
            else
            {
                indexing.Start();
                index.Upsert(batch[0].Document, batch[0].Passages);
                indexing.Stop();
            }

            batch.Clear();
        }

        async Task CommitAsync()
        {
            await IndexBatchAsync();
            if (load is not null)
            {
                // The commit waits for what was handed before it, then runs beside the writer threads, which go on with
                // the documents handed after it (and help flush the commit's segments); commits stay in order.
                commits = CommitWhenAddedAsync(commits, load.WhenAddedAsync(), committer, cancellationToken);
                return;
            }

            indexing.Start();
            await committer.CommitAsync(cancellationToken);
            indexing.Stop();
        }

        async Task FlushAsync(List<PassageLine> buffer)
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
            batch.Add((document, list));
            if (batch.Count >= settings.IndexBatch)
            {
                await IndexBatchAsync();
            }

            documents++;
            passages += list.Count;
            sinceCommit += list.Count;
            buffer.Clear();
        }

        try
        {
            // Read a megabyte at a time: each read of the default 4 kB buffer was a round trip through the thread pool.
            using (var reader = new StreamReader(settings.Passages, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 20, Options = FileOptions.SequentialScan }))
            {
                while (await reader.ReadLineAsync(cancellationToken) is { } line)
                {
                    bytes += Encoding.UTF8.GetByteCount(line) + 1;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    if (!pipelined)
                    {
                        indexing.Start();
                    }

                    var passage = JsonSerializer.Deserialize<PassageLine>(line, LineJson);
                    if (!pipelined)
                    {
                        indexing.Stop();
                    }

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
                        await FlushAsync(buffer);
                    }

                    if (settings.CommitEvery > 0 && sinceCommit >= settings.CommitEvery)
                    {
                        await CommitAsync();
                        sinceCommit = 0;
                        var elapsed = pipelined ? total.Elapsed.TotalSeconds : indexing.Elapsed.TotalSeconds;
                        SearchBenchmarkReportWriter.Progress(string.Create(C, $"  {passages:N0} passages, {passages / elapsed:N0} passages/s"));
                    }
                }
            }

            foreach (var buffer in buffers.Values)
            {
                await FlushAsync(buffer);
            }

            await CommitAsync();
        }
        finally
        {
            await commits;
        }

        indexing.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds;
        var (mb, segments) = IndexSize(lucene);
        OptimizeResult? optimized = null;
        if (settings.MaxSegments is { } maxSegments)
        {
            optimized = await OptimizeAsync(index, lucene, maxSegments, cancellationToken);
            SearchBenchmarkReportWriter.Progress(string.Create(C, $"  optimize: {optimized.SegmentsBefore} segments into at most {maxSegments} in {optimized.Seconds:0.0} s, peak {optimized.PeakMb:N0} MB on disk"));
            (mb, segments) = IndexSize(lucene);
        }

        return new IndexingResult
        {
            CommitEvery = settings.CommitEvery,
            Optimize = optimized,
            Passages = passages,
            Documents = documents,
            JsonlMb = bytes / 1048576.0,
            IndexSeconds = indexing.Elapsed.TotalSeconds,
            CatalogSeconds = cataloging.Elapsed.TotalSeconds,
            CatalogOverlapped = pipelined,
            TotalSeconds = total.Elapsed.TotalSeconds,
            CpuSeconds = cpu,
            PassagesPerSecond = passages / indexing.Elapsed.TotalSeconds,
            IndexMb = mb,
            Segments = segments,
        };
    }

    /// <summary>
    /// A commit of a pipelined load: after the one before it, once the documents handed before it are in the writer.
    /// The reading thread does not wait for it, nor do the writer threads (a commit made in turn, the writer threads idle
    /// meanwhile, was measured: docs/performance.md, "Issue 11: indexing on long-lived writer threads").
    /// </summary>
    private static async Task CommitWhenAddedAsync(Task previous, Task<IReadOnlyList<IndexLoadFault>> added, IndexCommitter committer, CancellationToken cancellationToken)
    {
        await previous;
        if (await added is { Count: > 0 } faults)
        {
            throw new AggregateException(faults.Select(f => f.Exception));
        }

        await committer.CommitAsync(cancellationToken);
    }

    /// <summary><c>--max-segments</c>: the force-merge after the load (<see cref="LuceneIndex.OptimizeAsync"/>), its time, CPU and peak disk.</summary>
    private static async Task<OptimizeResult> OptimizeAsync(LuceneIndex index, string lucene, int maxSegments, CancellationToken cancellationToken)
    {
        var before = index.SegmentCount;
        var mbBefore = FolderSizeSampler.SizeOf(lucene) / 1048576.0;
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var (result, peak) = await FolderSizeSampler.WhileAsync(lucene, () => index.OptimizeAsync(maxSegments, cancellationToken));

        return new OptimizeResult
        {
            MaxSegments = maxSegments,
            SegmentsBefore = before,
            MbBefore = mbBefore,
            Seconds = result.TotalTime.TotalSeconds,
            CpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds,
            PeakMb = peak / 1048576.0,
        };
    }

    /// <summary>The sizes of the index a previous <c>--keep</c> run built; nothing is timed.</summary>
    public static IndexingResult Reused(LuceneIndex index, DocumentStore documents, string lucene)
    {
        var (mb, segments) = IndexSize(lucene);
        return new IndexingResult { Passages = index.PassageCount, Documents = documents.Count(), IndexMb = mb, Segments = segments, Reused = true };
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

    /// <summary>One line of the passages file.</summary>
    private sealed record PassageLine(string? Id, string? Title, string Text, string? Collection);
}
