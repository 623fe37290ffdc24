using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Api;

public sealed class ApiTests : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client;

    public ApiTests(WebAppFactory factory)
    {
        _client = factory.CreateClient();
    }

    public async Task InitializeAsync() => await JobWaiter.WaitForIdleAsync(_client, expectedJobs: 3);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Search_ReturnsRankedPassagesAsJson()
    {
        var json = await _client.GetFromJsonAsync<JsonElement>("/api/search?q=GOPA&size=5");

        Assert.True(json.GetProperty("total").GetInt32() >= 1);
        var hit = json.GetProperty("hits")[0];
        Assert.Equal("Kinh nghiệm xây dựng và triển khai kế hoạch cải cách hành chính ở cấp tỉnh (P2)", hit.GetProperty("title").GetString());
        Assert.Equal(1, hit.GetProperty("page").GetInt32());
        Assert.Contains("GOPA", hit.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("<mark>GOPA</mark>", hit.GetProperty("fragment").GetString(), StringComparison.Ordinal);
        Assert.True(hit.GetProperty("score").GetSingle() > 0);
        Assert.Equal(16, hit.GetProperty("documentId").GetString()!.Length);
    }

    [Fact]
    public async Task Search_MalformedQuery_Is400ProblemWithCode()
    {
        var response = await _client.GetAsync("/api/search?q=-thue+-phi");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("only_exclusions", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/api/search?q=a&size=0")]
    [InlineData("/api/search?q=a&size=1000")]
    [InlineData("/api/search?q=a&page=0")]
    [InlineData("/api/search?q=")]
    public async Task Search_BadParameters_Are400(string url)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Documents_ListAndDetailsAndOriginal()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/documents");
        var documents = list.GetProperty("documents").EnumerateArray().ToList();
        var article = documents.Single(d => d.GetProperty("kind").GetString() == "text");
        var id = article.GetProperty("id").GetString();

        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");
        Assert.Equal("2016-01-20", details.GetProperty("document").GetProperty("date").GetString());
        Assert.True(details.GetProperty("passages").GetInt32() > 0);
        Assert.Equal("ok", details.GetProperty("pages")[0].GetProperty("verdict").GetString());

        var file = await _client.GetAsync($"/api/documents/{id}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/plain", file.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("20/01/2016", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/documents/ffffffffffffffff")]
    [InlineData("/api/documents/not-an-id/file")]
    public async Task Documents_UnknownOrInvalidId_Is404(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Upload_TextFile_IsAcceptedIndexedAndSearchable()
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Biên bản họp về thủ tục đăng ký thường trú tại phường Bến Nghé."));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "files", "bien-ban.txt");
        content.Add(new StringContent("Biên bản họp"), "title");
        content.Add(new StringContent("họp, cư trú"), "tags");

        var response = await _client.PostAsync("/api/documents", content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = accepted[0].GetProperty("job").GetProperty("id").GetInt64();

        var job = await JobWaiter.WaitForJobAsync(_client, jobId);

        Assert.Equal("done", job.GetProperty("state").GetString());
        var search = await _client.GetFromJsonAsync<JsonElement>("/api/search?q=thuong+tru");
        var hit = search.GetProperty("hits")[0];
        Assert.Equal("Biên bản họp", hit.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Upload_UnsupportedFormat_IsRefusedWithAReason()
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x00, 0x00, 0x00]), "files", "anh.gif");

        var response = await _client.PostAsync("/api/documents", content);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_format", body[0].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Jobs_ListCountsAndOneJob()
    {
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/jobs");
        Assert.True(list.GetProperty("counts").GetProperty("done").GetInt32() >= 1);
        var id = list.GetProperty("jobs")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/jobs/999999")).StatusCode);
    }

    [Fact]
    public async Task Patch_EditedMetadata_IsWhatSearchShowsAtOnce()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("Hướng dẫn lập kế hoạch kiểm soát thủ tục hành chính năm 2024 của Văn phòng UBND tỉnh.")), "files", "huong-dan.txt" } };
        var accepted = await (await _client.PostAsync("/api/documents", content)).Content.ReadFromJsonAsync<JsonElement>();
        var jobId = accepted[0].GetProperty("job").GetProperty("id").GetInt64();
        await JobWaiter.WaitForIdleAsync(_client, expectedJobs: 4);
        var documentId = (await _client.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}")).GetProperty("documentId").GetString();

        var response = await _client.PatchAsJsonAsync($"/api/documents/{documentId}", new { title = "Hướng dẫn kiểm soát TTHC 2024", tags = "kiểm soát, 2024", visibility = "internal" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var hit = (await _client.GetFromJsonAsync<JsonElement>("/api/search?q=kiem+soat+thu+tuc")).GetProperty("hits")[0];
        Assert.Equal("Hướng dẫn kiểm soát TTHC 2024", hit.GetProperty("title").GetString());
        var tagged = await _client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("tag:\"kiểm soát\" kế hoạch"));
        Assert.Equal(documentId, tagged.GetProperty("hits")[0].GetProperty("documentId").GetString());
        var details = await _client.GetFromJsonAsync<JsonElement>($"/api/documents/{documentId}");
        Assert.Equal("internal", details.GetProperty("document").GetProperty("visibility").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PatchAsJsonAsync("/api/documents/0000000000000000", new { title = "x" })).StatusCode);
    }

    [Fact]
    public async Task AttentionPage_ListsDocumentsWithEmptyOrGarbledPages()
    {
        var pdf = new TestPdf()
            .AddPage().Text(72, 720, 12, "Biên bản kiểm tra công tác văn thư lưu trữ năm 2023.")
            .AddPage()
            .Build();
        using var content = new MultipartFormDataContent { { new ByteArrayContent(pdf), "files", "bien-ban-van-thu.pdf" } };
        content.Add(new StringContent("Biên bản kiểm tra văn thư"), "title");
        Assert.Equal(HttpStatusCode.Accepted, (await _client.PostAsync("/api/documents", content)).StatusCode);
        await JobWaiter.WaitForIdleAsync(_client, expectedJobs: 4);

        var page = await HtmlPage.GetAsync(_client, "/documents/attention");
        var row = page.QuerySelectorAll("table.list tbody tr").Single(r => r.One("td a").Text() == "Biên bản kiểm tra văn thư");
        Assert.Equal(["Trống Số trang: 2"], row.Texts("td:nth-child(2) > div"));
        Assert.Equal("Trống", row.One("td:nth-child(2) span.badge").Text());
    }
}
