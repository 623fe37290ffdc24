using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Api;

/// <summary>Issue 13: what the README promises of the API — totals on every search, sidecar fields, tags as an array.</summary>
public sealed class PromisedApiTests : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private static readonly string[] NewTags = ["tiếp công dân", "quy chế"];
    private static readonly int[] NotTags = [1, 2];
    private readonly HttpClient _client;

    public PromisedApiTests(WebAppFactory factory)
    {
        _client = factory.CreateClient();
    }

    public async Task InitializeAsync() => await JobWaiter.WaitForIdleAsync(_client, expectedJobs: 3);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Search_Plain_FillsTotalDocuments()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("án lệ"));

        Assert.True(json.GetProperty("total").GetInt32() > 2);
        Assert.Equal(2, json.GetProperty("totalDocuments").GetInt32());
        Assert.False(json.GetProperty("anyWordFallback").GetBoolean());
    }

    [Fact]
    public async Task Search_ShortAccentedQueryNoPassageHoldsWhole_FallsBackWithAFlag()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("cải cách quần vợt"));

        Assert.True(json.GetProperty("anyWordFallback").GetBoolean());
        Assert.True(json.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task UploadWithSidecarFields_ThenPatchTagsAsArray_AsGetReturnsThem()
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Quy chế tiếp công dân của Sở Tư pháp tỉnh Quảng Trị."));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "files", "quy-che.txt");
        // The fields kb ingest sends from a file's sidecar when the app is running.
        content.Add(new StringContent("2019-05-14"), "date");
        content.Add(new StringContent("Sở Tư pháp"), "author");
        content.Add(new StringContent("https://stp.quangtri.gov.vn/quy-che"), "sourceUrl");
        var accepted = await (await _client.PostAsync("/api/documents", content)).Content.ReadFromJsonAsync<JsonElement>();
        var jobId = accepted[0].GetProperty("job").GetProperty("id").GetInt64();
        await JobWaiter.WaitForIdleAsync(_client, expectedJobs: 4);
        var documentId = (await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}")).GetProperty("documentId").GetString();

        var document = (await _client.GetFromJsonAsync<JsonElement>($"/api/documents/{documentId}")).GetProperty("document");
        Assert.Equal("2019-05-14", document.GetProperty("date").GetString());
        Assert.Equal("Sở Tư pháp", document.GetProperty("author").GetString());
        Assert.Equal("https://stp.quangtri.gov.vn/quy-che", document.GetProperty("sourceUrl").GetString());

        var patched = await _client.PatchAsJsonAsync($"/api/documents/{documentId}", new { tags = NewTags });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var tags = (await _client.GetFromJsonAsync<JsonElement>($"/api/documents/{documentId}")).GetProperty("document").GetProperty("tags");
        Assert.Equal(NewTags, tags.EnumerateArray().Select(t => t.GetString()));

        var again = await _client.PatchAsJsonAsync($"/api/documents/{documentId}", new { tags });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PatchAsJsonAsync($"/api/documents/{documentId}", new { tags = NotTags })).StatusCode);
    }
}
