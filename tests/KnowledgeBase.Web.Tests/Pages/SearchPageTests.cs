using System.Net;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Pages;

public sealed class SearchPageTests : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private readonly WebAppFactory _factory;
    private readonly HttpClient _client;

    public SearchPageTests(WebAppFactory factory)
    {
        _factory = factory;
        _client = factory.CreateClient();
    }

    public async Task InitializeAsync() => await JobWaiter.WaitForIdleAsync(_client, expectedJobs: 3);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Home_ShowsTheSearchBoxInVietnamese()
    {
        var html = await _client.GetStringAsync("/");

        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
        Assert.Contains("Tìm kiếm tài liệu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UnaccentedQuery_PutsTheSeedArticleOnTopWithHighlightedWords()
    {
        var html = await _client.GetStringAsync("/?q=cai+cach+hanh+chinh");

        var firstHit = html.IndexOf("class=\"hit\"", StringComparison.Ordinal);
        Assert.True(firstHit > 0, "no result rendered");
        var first = html[firstHit..html.IndexOf("</li>", firstHit, StringComparison.Ordinal)];
        Assert.Contains("Kinh nghiệm xây dựng và triển khai kế hoạch cải cách hành chính ở cấp tỉnh", first, StringComparison.Ordinal);
        Assert.Matches("<mark>[Cc]ải", first);
        Assert.Contains("/file", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoMatch_ShowsTheEmptyState()
    {
        var html = await _client.GetStringAsync("/?q=zzqqxxvv");
        Assert.Contains("Không tìm thấy đoạn nào", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MalformedQuery_ExplainsItWithoutA500()
    {
        var response = await _client.GetAsync("/?q=cai+cach+OR");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("OR phải đứng giữa hai từ hoặc cụm từ", html, StringComparison.Ordinal);
        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ManyResults_ArePaged()
    {
        var first = await _client.GetStringAsync("/?q=c%C3%A1c&size=2");
        var second = await _client.GetStringAsync("/?q=c%C3%A1c&size=2&page=2");

        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
        Assert.Contains("start=\"3\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DateRangeForm_KeepsQueryFacetsSortViewAndPageSize_ButNotTheOldRangeOrPage()
    {
        var html = await _client.GetStringAsync("/?q=c%C3%A1c&kind=pdf&from=2001-02-03&sort=newest&view=documents&size=20&page=2");

        var start = html.IndexOf("class=\"facet date-range\"", StringComparison.Ordinal);
        Assert.True(start > 0, "no date-range form");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var hidden = System.Text.RegularExpressions.Regex.Matches(form, "<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\"")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal([("q", "các"), ("kind", "pdf"), ("sort", "newest"), ("view", "documents"), ("size", "20")], hidden);
        Assert.Contains("name=\"from\" type=\"date\" value=\"2001-02-03\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_EnglishIsSwitchable()
    {
        var html = await _client.GetStringAsync("/?lang=en");
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Search the documents", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_EnglishUi_DoesNotFilterVietnameseDocuments()
    {
        // ?lang= is the interface's language; the documents' language facet is ?language=.
        var english = await _client.GetStringAsync("/?q=cai+cach+hanh+chinh&lang=en");
        var vietnameseOnly = await _client.GetStringAsync("/?q=cai+cach+hanh+chinh&language=vi");
        var englishOnly = await _client.GetStringAsync("/?q=cai+cach+hanh+chinh&language=en");

        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("class=\"hit\"", english, StringComparison.Ordinal);
        Assert.Contains("class=\"hit\"", vietnameseOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"hit\"", englishOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPage_ListsMetadataAndPassagesPageByPage()
    {
        var search = await _client.GetStringAsync("/api/search?q=GOPA");
        var id = System.Text.Json.JsonDocument.Parse(search).RootElement.GetProperty("hits")[0].GetProperty("documentId").GetString();

        var html = await _client.GetStringAsync($"/documents/{id}");

        Assert.Contains("Kinh nghiệm xây dựng và triển khai kế hoạch cải cách hành chính ở cấp tỉnh (P2)", html, StringComparison.Ordinal);
        Assert.Contains("20/01/2016", html, StringComparison.Ordinal);
        Assert.Contains("id=\"page-1\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"passage\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentPage_SearchWithinTheDocument_MarksMatches()
    {
        var search = await _client.GetStringAsync("/api/search?q=GOPA");
        var id = System.Text.Json.JsonDocument.Parse(search).RootElement.GetProperty("hits")[0].GetProperty("documentId").GetString();

        var html = await _client.GetStringAsync($"/documents/{id}?q=giai+doan");
        Assert.Contains("<mark>giai</mark>", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DocumentPage_UnknownId_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/documents/0000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/documents/..%2F..%2Fetc")).StatusCode);
    }

    [Theory]
    [InlineData("/documents")]
    [InlineData("/jobs")]
    [InlineData("/upload")]
    public async Task OtherPages_RenderWithoutErrors(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
