using System.Net;
using System.Text.Json;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Pages;

/// <summary>
/// Every PDF and HTML file of the evaluation data, and the seeds, through the upload page and through the
/// inbox: each ends done, duplicate, or failed with a reason (or is refused at the door with one).
/// </summary>
public sealed class SharedDataRoutesTests
{
    private static IEnumerable<string> AllFiles() =>
        Directory.EnumerateFiles(TestPaths.InSharedData("pdf"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(TestPaths.InSharedData("html"), "*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(TestPaths.Seeds).Where(f => !f.EndsWith(".meta.json", StringComparison.Ordinal)));

    [SharedDataFact]
    public async Task UploadPage_EveryFileEndsWithAStateAndAReason()
    {
        using var factory = new NoSeedsFactory();
        using var client = factory.CreateClient();
        var form = await HtmlPage.GetAsync(client, "/upload");
        var token = form.One("form#upload-form input[name=__RequestVerificationToken]").GetAttribute("value") ?? string.Empty;
        Assert.NotEmpty(token);
        var files = AllFiles().ToList();

        foreach (var path in files)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "files", Path.GetFileName(path) },
            };
            using var response = await client.PostAsync("/upload", content);
            var outcome = HtmlPage.Parse(await response.Content.ReadAsStringAsync()).One("ul.outcomes > li");
            var name = Path.GetFileName(path);
            var accepted = outcome.Text().StartsWith($"Đã nhận «{name}»", StringComparison.Ordinal) || outcome.Text().StartsWith($"«{name}» trùng nội dung", StringComparison.Ordinal);
            var refused = outcome.Text().StartsWith($"Không nhận «{name}»: ", StringComparison.Ordinal);
            Assert.True(accepted || refused, $"{name}: {outcome.Text()}");
            Assert.True(outcome.ClassList.Contains(accepted ? "ok" : "error"), $"{name}: {outcome.ClassName}");
            Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
        }

        await AssertEveryJobFinishedWithReasonAsync(client);
    }

    [SharedDataFact]
    public async Task Inbox_EveryFileEndsWithAStateOrARejectionReason()
    {
        using var factory = new NoSeedsFactory();
        using var client = factory.CreateClient();
        var inbox = Path.Combine(factory.DataPath, "inbox");
        var files = AllFiles().ToList();
        foreach (var path in files)
        {
            var target = Path.Combine(inbox, Path.GetFileName(Path.GetDirectoryName(path))!, Path.GetFileName(path));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(path, target);
            File.SetLastWriteTimeUtc(target, DateTime.UtcNow.AddMinutes(-1));
        }

        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories).Any(f => !f.Contains("/accepted/", StringComparison.Ordinal) && !f.Contains("/rejected/", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "files left in the inbox");
            await Task.Delay(200);
        }

        var rejectedFolder = Path.Combine(inbox, "rejected");
        var rejectedFiles = Directory.Exists(rejectedFolder) ? Directory.EnumerateFiles(rejectedFolder, "*", SearchOption.AllDirectories) : [];
        foreach (var rejected in rejectedFiles.Where(f => !f.EndsWith(".reason.txt", StringComparison.Ordinal)))
        {
            Assert.False(string.IsNullOrWhiteSpace(await File.ReadAllTextAsync(rejected + ".reason.txt")), rejected);
        }

        var list = await AssertEveryJobFinishedWithReasonAsync(client);
        var accepted = Directory.EnumerateFiles(Path.Combine(inbox, "accepted"), "*", SearchOption.AllDirectories).Count();
        Assert.Equal(accepted, list.GetProperty("jobs").GetArrayLength());
    }

    private static async Task<JsonElement> AssertEveryJobFinishedWithReasonAsync(HttpClient client)
    {
        // The scanned and garbled-font PDFs are read by OCR, page after page, as long as pages keep coming
        // (Ingestion:ExtractionTimeout counts from the last page): minutes on a loaded machine.
        var list = await JobWaiter.WaitForIdleAsync(client, TimeSpan.FromMinutes(8));
        foreach (var job in list.GetProperty("jobs").EnumerateArray())
        {
            var state = job.GetProperty("state").GetString();
            var name = job.GetProperty("fileName").GetString();
            Assert.True(state is "done" or "failed" or "duplicate", $"{name}: {state}");
            if (state == "failed")
            {
                Assert.False(string.IsNullOrWhiteSpace(job.GetProperty("reason").GetString()), $"{name} failed without a reason");
            }
        }

        // The court precedents are both in the evaluation data and in seeds/: one copy is done, the other a duplicate.
        var states = list.GetProperty("jobs").EnumerateArray().ToLookup(j => j.GetProperty("fileName").GetString()!, j => j.GetProperty("state").GetString(), StringComparer.Ordinal);
        Assert.Equal(["done"], states["utc_de_thi_ktmt_vntime.pdf"]);
        Assert.Equal(["done", "duplicate"], states["an_le_so_432021AL.pdf"].Order());
        Assert.Equal(["failed"], states["dantri_homepage_2013.html"]);
        return list;
    }

    private sealed class NoSeedsFactory : WebAppFactory
    {
        protected override string? SeedsPath => null;
    }
}
