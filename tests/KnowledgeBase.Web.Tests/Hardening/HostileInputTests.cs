using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Hardening;

/// <summary>
/// What an attacker types: script in titles, text, queries and file names, traversal names, over-long
/// metadata and paging extremes. Nothing runs, nothing escapes the data folder, nothing answers 500.
/// </summary>
public sealed class HostileInputTests(EmptyWebAppFactory factory) : IClassFixture<EmptyWebAppFactory>
{
    private const string Script = "<script>alert(1)</script>";
    private const string ImageHandler = "<img src=x onerror=alert(1)>";
    private const string Body = "Ủy ban nhân dân tỉnh ban hành kế hoạch cải cách hành chính, rà soát thủ tục và tiếp nhận hồ sơ trực tuyến cho người dân trong toàn tỉnh.";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ScriptInTitleTextAndFileName_IsShownAsText()
    {
        var name = ImageHandler + ".txt";
        var id = await UploadAsync(name, Body + " " + Script + " " + ImageHandler, title: "Kế hoạch " + Script);

        foreach (var url in new[] { $"/documents/{id}", "/documents", "/jobs", "/?q=ke+hoach+cai+cach", $"/documents/{id}/view?page=1&q={Uri.EscapeDataString(Script)}" })
        {
            var page = HtmlPage.Parse(await _client.GetStringAsync(new Uri(url, UriKind.Relative)));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), url + ": " + s.OuterHtml));
            Assert.Empty(page.QuerySelectorAll("img[onerror], [onerror]"));
        }

        var details = HtmlPage.Parse(await _client.GetStringAsync(new Uri($"/documents/{id}", UriKind.Relative)));
        Assert.Equal("Kế hoạch " + Script, details.One("h1").Text());
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/search?q=ke+hoach+cai+cach");
        Assert.DoesNotContain("<script", api.GetProperty("hits")[0].GetProperty("fragment").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScriptInQuery_IsEscapedOnThePageAndInTheApi()
    {
        var page = HtmlPage.Parse(await _client.GetStringAsync(new Uri("/?q=" + Uri.EscapeDataString(Script + ImageHandler), UriKind.Relative)));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src"), s.OuterHtml));
        Assert.Empty(page.QuerySelectorAll("[onerror]"));
        Assert.All(page.QuerySelectorAll("input[name=q]"), input => Assert.Equal(Script + ImageHandler, input.GetAttribute("value")));

        using var api = await _client.GetAsync(new Uri("/api/search?q=" + Uri.EscapeDataString(Script), UriKind.Relative));
        Assert.True(api.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, api.StatusCode.ToString());
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("/etc/cron.d/x", "x")]
    [InlineData("....//....//x.txt", "x.txt")]
    public async Task TraversalFileName_StaysInsideTheDataFolder(string fileName, string stored)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Body + " " + fileName)), "files", fileName } };
        using var response = await _client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        var job = (await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("job");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(stored, job.GetProperty("fileName").GetString());
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(factory.DataPath, "originals", "tmp", fileName))));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(factory.DataPath)!, stored, SearchOption.TopDirectoryOnly));
    }

    public static TheoryData<string, string> OverLongMetadata => new()
    {
        { "title", new string('t', 301) },
        { "collection", new string('c', 201) },
        { "tags", new string('g', 101) },
        { "tags", string.Join(',', Enumerable.Range(1, 51).Select(i => "n" + i)) },
    };

    [Theory]
    [MemberData(nameof(OverLongMetadata))]
    public async Task OverLongMetadata_IsRefusedOnUploadAndUrlImport(string field, string value)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(value), field },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Body)), "files", "dai.txt" },
        };
        using var upload = await _client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal("invalid_metadata", (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("error").GetString());

        using var import = await _client.PostAsJsonAsync("/api/documents/url", new Dictionary<string, string> { ["url"] = "http://127.0.0.1:1/", [field] = value });
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Equal("invalid_metadata", (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("title", 301)]
    [InlineData("author", 301)]
    [InlineData("collection", 201)]
    [InlineData("tags", 101)]
    public async Task OverLongMetadata_IsRefusedByPatch(string field, int length)
    {
        var id = await UploadAsync("sua.txt", Body + " sửa đổi " + field);

        using var patch = await _client.PatchAsJsonAsync($"/api/documents/{id}", new Dictionary<string, string> { [field] = new string('x', length) });
        using var fine = await _client.PatchAsJsonAsync($"/api/documents/{id}", new Dictionary<string, string> { [field] = new string('x', length - 1) });

        Assert.Equal(HttpStatusCode.BadRequest, patch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Theory]
    [InlineData("/api/search?q=a&page=2147483647", HttpStatusCode.BadRequest)]
    [InlineData("/api/search?q=a&page=1001", HttpStatusCode.BadRequest)]
    [InlineData("/api/search?q=a&page=1000&size=100", HttpStatusCode.OK)]
    [InlineData("/api/search?q=a&page=-2147483648", HttpStatusCode.BadRequest)]
    [InlineData("/api/search?q=a&size=2147483647", HttpStatusCode.BadRequest)]
    [InlineData("/api/search?q=a&page=99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("/api/search?q=a&page=1000&size=100&grouped=true", HttpStatusCode.OK)]
    [InlineData("/api/documents?offset=2147483647&limit=1000", HttpStatusCode.OK)]
    [InlineData("/api/documents?offset=-1", HttpStatusCode.BadRequest)]
    [InlineData("/api/documents?limit=2147483647", HttpStatusCode.BadRequest)]
    [InlineData("/api/jobs?offset=2147483647", HttpStatusCode.OK)]
    [InlineData("/api/suggest?q=ke&n=2147483647", HttpStatusCode.OK)]
    [InlineData("/api/suggest?q=ke&n=-2147483648", HttpStatusCode.OK)]
    [InlineData("/?q=a&page=2147483647", HttpStatusCode.OK)]
    [InlineData("/?q=a&page=2147483647&size=2147483647&view=documents", HttpStatusCode.OK)]
    [InlineData("/?q=a&page=-1", HttpStatusCode.OK)]
    [InlineData("/documents?page=2147483647", HttpStatusCode.OK)]
    [InlineData("/documents?page=-2147483648", HttpStatusCode.OK)]
    [InlineData("/jobs?page=2147483647", HttpStatusCode.OK)]
    public async Task PagingExtremes_AreRefusedOrClamped(string url, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<string> UploadAsync(string fileName, string text, string? title = null)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "files", fileName } };
        if (title is not null)
        {
            content.Add(new StringContent(title), "title");
        }

        using var response = await _client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("job").GetProperty("id").GetInt64();
        var job = await JobWaiter.WaitForJobAsync(_client, jobId);
        Assert.True(job.GetProperty("state").GetString() == "done", job.ToString());
        return job.GetProperty("documentId").GetString()!;
    }
}
