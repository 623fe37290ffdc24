using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Browser;
using KnowledgeBase.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace KnowledgeBase.Web.Tests.Processes;

/// <summary>
/// The real app takes 200 files — valid, duplicate, corrupt, encrypted, empty, zero-page and too slow — is
/// killed with SIGKILL in the middle, restarted, and must end every accepted file done, duplicate or failed
/// with a reason: none lost, none indexed twice. Searches keep answering while it works.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class BulkImportTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private readonly AppProcess _app = new(seeds: string.Empty, settings: new Dictionary<string, string>
    {
        // Long enough that an ordinary file never reaches it on a loaded machine (4 s did, with other builds
        // running), far too short for the 6,000-page PDFs (about 2 minutes each at full speed).
        ["Ingestion:ExtractionTimeout"] = "00:00:10",
        ["Ingestion:RetryDelay"] = "00:00:00.500",
        ["Ingestion:InboxPath"] = string.Empty,
    });

    public BulkImportTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TwoHundredFiles_KilledMidway_EveryAcceptedFileEndsWithAStateAndNoneTwice()
    {
        var files = BulkImportFiles.Create();
        Assert.Equal(200, files.Count);
        using var client = _app.CreateClient();

        using var searching = new CancellationTokenSource();
        var probe = SearchProbe.RunAsync(client, "cai cach hanh chinh", searching.Token);

        var jobs = new Dictionary<long, BulkFile>();
        foreach (var file in files)
        {
            using var content = new MultipartFormDataContent { { new ByteArrayContent(file.Bytes), "files", file.Name } };
            using var response = await client.PostAsync("/api/documents", content);
            var answer = (await response.Content.ReadFromJsonAsync<JsonElement>())[0];
            if (file.Expected == Expectation.Refused)
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("empty", answer.GetProperty("error").GetString());
                continue;
            }

            Assert.True(answer.GetProperty("accepted").GetBoolean(), $"{file.Name} was refused: {answer}");
            jobs.Add(answer.GetProperty("job").GetProperty("id").GetInt64(), file);
        }

        // Kill it while work remains: some jobs done, others still queued or running.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await CountAsync(client, "done") < 40 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await searching.CancelAsync();
        var during = await probe;
        var unfinishedAtKill = await CountAsync(client, "queued") + await CountAsync(client, "extracting") + await CountAsync(client, "indexing");
        _app.Kill();
        Assert.True(unfinishedAtKill > 0, "the import finished before the kill; the test proves nothing");

        await _app.RestartAsync();
        using var after = _app.CreateClient();
        await JobWaiter.WaitForIdleAsync(after, TimeSpan.FromMinutes(4), expectedJobs: jobs.Count);

        foreach (var (id, file) in jobs)
        {
            var job = await after.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            var state = job.GetProperty("state").GetString();
            var reason = job.TryGetProperty("reason", out var r) ? r.GetString() : null;
            switch (file.Expected)
            {
                case Expectation.Indexed:
                    Assert.True(state == "done", $"{file.Name}: {state} {reason}");
                    break;
                case Expectation.Duplicate:
                    Assert.Equal("duplicate", state);
                    break;
                case Expectation.Failed:
                    Assert.True(state == "failed", $"{file.Name}: {state}");
                    Assert.False(string.IsNullOrWhiteSpace(reason), $"{file.Name} failed without a reason");
                    break;
                case Expectation.TooSlow:
                    Assert.True(state == "failed", $"{file.Name}: {state}");
                    Assert.Contains("longer than the limit", reason, StringComparison.Ordinal);
                    break;
            }
        }

        // None indexed twice: each valid file's unique word is found in exactly one passage.
        foreach (var file in jobs.Values.Where(f => f.Marker is not null))
        {
            var hits = await after.GetFromJsonAsync<JsonElement>($"/api/search?q={file.Marker}");
            Assert.True(hits.GetProperty("total").GetInt32() == 1, $"{file.Name}: {hits.GetProperty("total")} passages for {file.Marker}");
        }

        var documents = await after.GetFromJsonAsync<JsonElement>("/api/documents?limit=1000");
        Assert.Equal(jobs.Values.Count(f => f.Expected == Expectation.Indexed), documents.GetProperty("total").GetInt32());

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"searches during the import: {during.Count} answered, {during.Failures} failed, median {during.MedianMs:0} ms, max {during.MaxMs:0} ms"));
        Assert.True(during.Count > 0, "no search answered during the import");
        Assert.Equal(0, during.Failures);
    }

    private static async Task<int> CountAsync(HttpClient client, string state)
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/jobs?limit=1");
        return list.GetProperty("counts").GetProperty(state).GetInt32();
    }
}
