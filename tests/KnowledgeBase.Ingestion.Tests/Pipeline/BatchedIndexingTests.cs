using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Indexing;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using Lucene.Net.Index;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Pipeline;

/// <summary>
/// The worker's batched indexing (<c>Ingestion:IndexBatchDocuments</c>): extracted documents written together through
/// <c>UpsertMany</c> and one commit must give the index that one document per commit gives, and a batch whose
/// commit fails must leave every job to be retried and indexed once.
/// </summary>
public sealed class BatchedIndexingTests
{
    private static readonly string[] Words =
    [
        "cải", "cách", "hành", "chính", "cấp", "tỉnh", "kế", "hoạch", "triển", "khai", "người", "dân", "doanh", "nghiệp",
        "thủ", "tục", "hồ", "sơ", "dịch", "vụ", "công", "trách", "nhiệm", "cơ", "quan", "tổ", "chức", "pháp", "luật", "Điều", "đất", "đai",
    ];

    private const int DocumentCount = 40;

    [Fact]
    public async Task Drain_Batched_GivesTheSameIndexAsOneDocumentPerCommit()
    {
        var (oneByOne, _) = await IngestAsync(new Dictionary<string, string?> { ["Ingestion:IndexBatchDocuments"] = "1" });
        var (batched, index) = await IngestAsync(new Dictionary<string, string?> { ["Ingestion:IndexBatchPassages"] = "25" });

        Assert.Equal(DocumentCount, oneByOne.Documents.Count);
        Assert.Equal(oneByOne.Documents, batched.Documents);
        Assert.Equal(oneByOne.Stored.Count, batched.Stored.Count);
        Assert.Equal(oneByOne.Stored, batched.Stored);
        Assert.Equal(oneByOne.Searches, batched.Searches);

        // It did batch: fewer commits than documents, and several documents in one UpsertMany.
        Assert.True(index.Commits < DocumentCount, $"{index.Commits} commits for {DocumentCount} documents");
        Assert.True(index.LargestBatch > 1, "no batch held more than one document");
    }

    [Fact]
    public async Task Drain_BatchCommitFails_EveryJobRetriesAndIsIndexedOnce()
    {
        var failing = new Dictionary<string, string?> { ["Ingestion:MaxAttempts"] = "3" };
        var (result, index) = await IngestAsync(failing, failFirstCommit: true);

        Assert.Equal(1, index.FailedCommits);
        Assert.Equal(DocumentCount, result.Documents.Count);
        Assert.All(result.Searches.Where(s => s.Query.StartsWith("kbmark", StringComparison.Ordinal)), s => Assert.Equal(1, s.Total));
        Assert.Equal(result.CatalogPassages, result.Stored.Count);
    }

    /// <summary>The same generated text files through the real pipeline; what the index and the catalog hold after.</summary>
    private static async Task<(Snapshot Result, CountingIndex Index)> IngestAsync(Dictionary<string, string?> settings, bool failFirstCommit = false)
    {
        CountingIndex? counting = null;
        await using var harness = new IngestionHarness(settings, configure: services =>
            services.AddSingleton<IPassageIndex>(sp => counting = new CountingIndex(sp.GetRequiredService<LuceneIndex>(), failFirstCommit)));
        var random = new Random(11);
        string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
        var jobs = new List<long>();
        for (var i = 0; i < DocumentCount; i++)
        {
            var marker = string.Create(CultureInfo.InvariantCulture, $"kbmark{i:000}");
            var paragraphs = Enumerable.Range(0, 1 + (i % 6)).Select(p => Sentence(20 + random.Next(120)) + (p == 0 ? " " + marker : string.Empty) + ".");
            var text = Sentence(6) + "\n\n" + string.Join("\n\n", paragraphs);
            jobs.Add((await harness.AddTextAsync(string.Create(CultureInfo.InvariantCulture, $"van-ban-{i:000}.txt"), text)).Job.Id);
        }

        await harness.DrainAsync(TimeSpan.FromMinutes(3));
        if (failFirstCommit)
        {
            // The failed batch's jobs were queued again (RetryDelay 0): the next drain takes them.
            await harness.DrainAsync(TimeSpan.FromMinutes(3));
        }

        Assert.All(jobs, id => Assert.Equal(JobState.Done, harness.Jobs.Get(id)!.State));
        var lucene = harness.Services.GetRequiredService<LuceneIndex>();
        lucene.Refresh();
        var stored = lucene.WithSearcher(searcher => StoredFields(searcher.IndexReader));
        var documents = harness.Documents.List(0, 1000).Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        var service = harness.Services.GetRequiredService<KnowledgeBase.Ingestion.Pipeline.DocumentService>();
        var catalogPassages = documents.Sum(id => service.GetPassages(id).Count);
        List<string> queries = ["cải cách hành chính", "dat dai", "trách nhiệm cơ quan", .. Enumerable.Range(0, DocumentCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"kbmark{i:000}"))];
        var searches = queries.Select(q =>
        {
            var results = harness.Search.Search(new SearchRequest { Query = q, PageSize = 100 });
            return new SearchOutcome(q, results.TotalHits, string.Join(",", results.Hits.Select(h => h.PassageId).Order(StringComparer.Ordinal)));
        }).ToList();
        return (new Snapshot(documents, stored, searches, catalogPassages), counting!);
    }

    /// <summary>Every stored field of every live passage, one line a passage, sorted (segment layout and order aside).</summary>
    private static List<string> StoredFields(IndexReader reader)
    {
        var lines = new List<string>();
        var live = MultiFields.GetLiveDocs(reader);
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            if (live is not null && !live.Get(doc))
            {
                continue;
            }

            var fields = reader.Document(doc).Fields.Select(f => f.Name + "=" + f.GetStringValue(CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal);
            lines.Add(string.Join("|", fields));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private sealed record SearchOutcome(string Query, int Total, string HitIds);

    private sealed record Snapshot(List<string> Documents, List<string> Stored, List<SearchOutcome> Searches, int CatalogPassages);

    /// <summary>The real index, counting batches and commits; each commit waits a little so that extracted documents pile up; optionally the first commit fails.</summary>
    private sealed class CountingIndex(IPassageIndex inner, bool failFirstCommit) : IPassageIndex
    {
        private int _commits;
        private int _failed;
        private int _largest;

        public int Commits => _commits;

        public int FailedCommits => _failed;

        public int LargestBatch => _largest;

        public bool IsOutdated => inner.IsOutdated;

        public void Upsert(DocumentInfo document, IReadOnlyList<Passage> passages) => inner.Upsert(document, passages);

        public void UpsertMany(IReadOnlyList<(DocumentInfo Document, IReadOnlyList<Passage> Passages)> documents)
        {
            lock (inner)
            {
                if (documents.Count > _largest)
                {
                    _largest = documents.Count;
                }
            }

            inner.UpsertMany(documents);
        }

        public void Delete(string documentId) => inner.Delete(documentId);

        public IReadOnlyCollection<string> DocumentIds() => inner.DocumentIds();

        public bool IsRebuilding => inner.IsRebuilding;

        public void BeginRebuild() => inner.BeginRebuild();

        public Task CompleteRebuildAsync(CancellationToken cancellationToken = default) => inner.CompleteRebuildAsync(cancellationToken);

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await Task.Delay(100, cancellationToken);
            if (failFirstCommit && Interlocked.CompareExchange(ref _failed, 1, 0) == 0)
            {
                throw new IOException("No space left on device");
            }

            Interlocked.Increment(ref _commits);
            await inner.CommitAsync(cancellationToken);
        }
    }
}
