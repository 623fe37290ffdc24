using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Backup;
using KnowledgeBase.Ingestion.Extraction.Text;
using KnowledgeBase.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Web.Tests.Operations;

/// <summary>
/// <c>POST /api/admin/backup</c> while documents are being ingested, restored into a new data folder: the restored
/// index holds nothing its catalog does not know, and once the restored app has finished the jobs the backup caught
/// in flight, every document the backup holds gives the same search answers as in the original app.
/// </summary>
public sealed class LiveBackupTests
{
    private const int DocumentCount = 10;

    /// <summary>The document whose extraction waits until the backup is written, so that the backup is always taken under ingestion.</summary>
    private const int HeldDocument = 3;

    [Fact]
    public async Task BackupTakenUnderIngestion_RestoresToTheSameAnswers()
    {
        var backups = Path.Combine(Path.GetTempPath(), "kb-backups-" + Guid.NewGuid().ToString("N"));
        var restored = Path.Combine(Path.GetTempPath(), "kb-restored-" + Guid.NewGuid().ToString("N"));
        try
        {
            // One job at a time, oldest first: two documents or more are done, 3 waits in extraction and 4-9 are queued
            // when the backup is taken, however fast or loaded the machine.
            var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var original = new EmptyAppFactory
            {
                Settings = new Dictionary<string, string> { ["Ingestion:Parallelism"] = "1" },
                TestServices = services => services.Insert(0, ServiceDescriptor.Singleton<IDocumentExtractor>(new HeldTextExtractor(Word(HeldDocument), held.Task))),
            };
            using var client = original.CreateClient();
            for (var i = 0; i < DocumentCount; i++)
            {
                await UploadAsync(client, i);
            }

            HttpResponseMessage response;
            try
            {
                await WaitForDoneAsync(client, 2);
                response = await client.PostAsJsonAsync("/api/admin/backup", new { destination = backups });
            }
            finally
            {
                held.TrySetResult();
            }

            using var responseToDispose = response;
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var backup = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(backup.GetProperty("jobsInProgress").GetInt32() > 0, "The backup was not taken under ingestion: " + backup);
            Assert.True(backup.GetProperty("documents").GetInt32() >= 2);
            await JobWaiter.WaitForIdleAsync(client, expectedJobs: DocumentCount);
            var expected = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < DocumentCount; i++)
            {
                expected[Word(i)] = await AnswerAsync(client, Word(i));
            }

            var folder = backup.GetProperty("path").GetString()!;
            BackupRestorer.Restore(folder, Target(restored), replace: false, DateTimeOffset.UtcNow);

            // As restored, before any job runs: only documents of the copied catalog have passages.
            using (var still = new EmptyAppFactory { Settings = new Dictionary<string, string> { ["KnowledgeBase:DataPath"] = restored, ["Ingestion:RunWorker"] = "false" } })
            using (var stillClient = still.CreateClient())
            {
                var catalog = await DocumentIdsAsync(stillClient);
                Assert.Equal(backup.GetProperty("documents").GetInt32(), catalog.Count);
                for (var i = 0; i < DocumentCount; i++)
                {
                    var hits = await stillClient.GetFromJsonAsync<JsonElement>(Search(Word(i)));
                    Assert.All(hits.GetProperty("hits").EnumerateArray(), h => Assert.Contains(h.GetProperty("documentId").GetString()!, catalog));
                }
            }

            // Restored and running: the jobs caught in flight finish, and every document the backup holds answers as before.
            using var again = new EmptyAppFactory { Settings = new Dictionary<string, string> { ["KnowledgeBase:DataPath"] = restored } };
            using var againClient = again.CreateClient();
            var jobs = await JobWaiter.WaitForIdleAsync(againClient, expectedJobs: 1);
            var documents = await DocumentIdsAsync(againClient);
            Assert.True(documents.Count >= backup.GetProperty("documents").GetInt32());
            var compared = 0;
            for (var i = 0; i < DocumentCount; i++)
            {
                var answer = await AnswerAsync(againClient, Word(i));
                if (answer.Length > 0 || expected[Word(i)].Length == 0)
                {
                    Assert.Equal(expected[Word(i)], answer);
                    compared++;
                }
            }

            Assert.Equal(jobs.GetProperty("counts").GetProperty("done").GetInt32(), compared);
        }
        finally
        {
            foreach (var folder in new[] { backups, restored })
            {
                if (Directory.Exists(folder))
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    /// <summary>Text extraction that, for the file holding <paramref name="word"/>, waits for <paramref name="release"/> first.</summary>
    private sealed class HeldTextExtractor(string word, Task release) : IDocumentExtractor
    {
        private readonly TextExtractor _inner = new();

        public bool CanExtract(DocumentKind kind) => _inner.CanExtract(kind);

        public async Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
        {
            if ((await File.ReadAllTextAsync(path, cancellationToken)).Contains(word, StringComparison.Ordinal))
            {
                await release.WaitAsync(cancellationToken);
            }

            return await _inner.ExtractAsync(path, cancellationToken);
        }
    }

    private static BackupRestorer.Target Target(string data) =>
        new(data, Path.Combine(data, "catalog.db"), Path.Combine(data, "lucene"), Path.Combine(data, "originals"), Path.Combine(data, "keys"));

    /// <summary>A word found in document <paramref name="i"/> alone.</summary>
    private static string Word(int i) => "sa" + (char)('a' + (i / 26)) + (char)('a' + (i % 26)) + "lưutrữ";

    private static string Search(string word) => "/api/search?size=50&q=" + Uri.EscapeDataString(word);

    /// <summary>The hits for a word as comparable text: document, page and passage text of each, in rank order.</summary>
    private static async Task<string> AnswerAsync(HttpClient client, string word)
    {
        var json = await client.GetFromJsonAsync<JsonElement>(Search(word));
        return string.Join("\n", json.GetProperty("hits").EnumerateArray().Select(h =>
            $"{h.GetProperty("documentId").GetString()} p{h.GetProperty("page").GetInt32()} {h.GetProperty("text").GetString()}"));
    }

    private static async Task<HashSet<string>> DocumentIdsAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/documents?limit=1000");
        return [.. list.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];
    }

    private static async Task UploadAsync(HttpClient client, int i)
    {
        // Long enough that indexing one takes a while, so the backup falls in the middle of the run.
        var text = new StringBuilder();
        for (var line = 0; line < 1500; line++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Dòng {line} của văn bản số {i}: quy định về lưu trữ hồ sơ và tài liệu của cơ quan nhà nước.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Từ khoá riêng: {Word(i)}.\n");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "files", $"luu-tru-{i}.txt");
        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task WaitForDoneAsync(HttpClient client, int done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/jobs");
            if (list.GetProperty("counts").GetProperty("done").GetInt32() >= done)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No job finished in time.");
    }
}
