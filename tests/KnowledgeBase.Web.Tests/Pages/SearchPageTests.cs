using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Pages;

public sealed class SearchPageTests : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private const string ArticleTitle = "Kinh nghiệm xây dựng và triển khai kế hoạch cải cách hành chính ở cấp tỉnh (P2)";

    private readonly HttpClient _client;

    public SearchPageTests(WebAppFactory factory)
    {
        _client = factory.CreateClient();
    }

    public async Task InitializeAsync() => await JobWaiter.WaitForIdleAsync(_client, expectedJobs: 3);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Home_ShowsTheSearchBoxInVietnamese()
    {
        var html = await _client.GetStringAsync(new Uri("/", UriKind.Relative));
        var page = HtmlPage.Parse(html);

        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        var form = page.One("form[role=search]");
        Assert.Equal("search", form.One("input[name=q]").GetAttribute("type"));
        Assert.Equal("Tìm kiếm tài liệu", form.One("label[for=q]").Text());
        // Razor writes Vietnamese letters as they are, not as numeric character references.
        Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UnaccentedQuery_PutsTheSeedArticleOnTopWithHighlightedWords()
    {
        var page = await HtmlPage.GetAsync(_client, "/?q=cai+cach+hanh+chinh");

        var first = page.QuerySelector("ol.groups > li.group");
        Assert.True(first is not null, "no result rendered");
        Assert.Equal(ArticleTitle, first.One("h3.hit-title").Text());
        var hit = first.QuerySelector("li.hit");
        Assert.NotNull(hit);
        // The article's first passage repeats its title in capitals; the match is the accented word in any case.
        Assert.Contains(hit.QuerySelectorAll("mark"), m => string.Equals(m.Text(), "cải", StringComparison.OrdinalIgnoreCase));
        Assert.Equal($"/documents/{first.GetAttribute("data-document")}/file", hit.One("a.open").GetAttribute("href"));
    }

    [Fact]
    public async Task Search_UnaccentedQuery_OffersTheAccentedSpelling()
    {
        var page = await HtmlPage.GetAsync(_client, "/?q=cai+cach+hanh+chinh");

        var link = page.One("#didyoumean a");
        Assert.Equal("cải cách hành chính", link.Text());
        Assert.Equal(["cải", "cách", "hành", "chính"], link.Texts("strong"));
        Assert.Equal("/?q=" + Uri.EscapeDataString("cải cách hành chính"), link.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_FacetCounts_AreTheApisCounts()
    {
        var page = await HtmlPage.GetAsync(_client, "/?q=cai+cach+hanh+chinh");
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/search?q=cai+cach+hanh+chinh&facets=true");

        var expected = api.GetProperty("facets").EnumerateArray()
            .SelectMany(f => f.GetProperty("values").EnumerateArray().Select(v => $"{f.GetProperty("field").GetString()}={v.GetProperty("value").GetString()}:{v.GetProperty("count").GetInt32()}"))
            .ToList();
        var shown = page.QuerySelectorAll("aside.facets a[data-facet]")
            .Select(a => $"{a.GetAttribute("data-facet")}={a.GetAttribute("data-value")}:{a.One("span.count").Text()}")
            .ToList();
        Assert.Contains("kind=text:1", shown);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Search_NoMatch_ShowsTheEmptyState()
    {
        var page = await HtmlPage.GetAsync(_client, "/?q=zzqqxxvv");

        Assert.Empty(page.QuerySelectorAll("li.hit"));
        Assert.Equal("Không tìm thấy đoạn nào cho «zzqqxxvv».", page.One("div.empty strong").Text());
    }

    [Fact]
    public async Task Search_MalformedQuery_ExplainsItWithoutA500()
    {
        var response = await _client.GetAsync(new Uri("/?q=cai+cach+OR", UriKind.Relative));
        var page = HtmlPage.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("OR phải đứng giữa hai từ hoặc cụm từ", page.One("div.alert.error[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal("cai cach OR", page.One("form[role=search] input[name=q]").GetAttribute("value"));
    }

    [Fact]
    public async Task Search_ManyResults_ArePaged()
    {
        var first = await HtmlPage.GetAsync(_client, "/?q=c%C3%A1c&size=2");
        var second = await HtmlPage.GetAsync(_client, "/?q=c%C3%A1c&size=2&page=2");

        Assert.Equal(2, first.QuerySelectorAll("ol.groups > li.group").Length);
        Assert.Empty(first.QuerySelectorAll("nav.pager a[rel=prev]"));
        Assert.EndsWith("&page=2", first.One("nav.pager a[rel=next]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("/?q=c%C3%A1c&size=2", second.One("nav.pager a[rel=prev]").GetAttribute("href"));
        Assert.Equal("3", second.One("ol.groups").GetAttribute("start"));
    }

    [Fact]
    public async Task DateRangeForm_KeepsQueryFacetsSortViewAndPageSize_ButNotTheOldRangeOrPage()
    {
        var page = await HtmlPage.GetAsync(_client, "/?q=c%C3%A1c&kind=pdf&from=2001-02-03&sort=newest&view=documents&size=20&page=2");

        var form = page.One("form.facet.date-range");
        var hidden = form.QuerySelectorAll("input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))).ToList();
        Assert.Equal([("q", "các"), ("kind", "pdf"), ("sort", "newest"), ("view", "documents"), ("size", "20")], hidden);
        var from = form.One("input[name=from]");
        Assert.Equal("date", from.GetAttribute("type"));
        Assert.Equal("2001-02-03", from.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(form.One("input[name=to]").GetAttribute("value")), "an end date is filled in though none was asked for");
    }

    [Fact]
    public async Task Language_EnglishIsSwitchable()
    {
        var page = await HtmlPage.GetAsync(_client, "/?lang=en");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Search the documents", page.One("form[role=search] label[for=q]").Text());
    }

    [Fact]
    public async Task Language_EnglishUi_DoesNotFilterVietnameseDocuments()
    {
        // ?lang= is the interface's language; the documents' language facet is ?language=.
        var english = await HtmlPage.GetAsync(_client, "/?q=cai+cach+hanh+chinh&lang=en");
        var vietnameseOnly = await HtmlPage.GetAsync(_client, "/?q=cai+cach+hanh+chinh&language=vi");
        var englishOnly = await HtmlPage.GetAsync(_client, "/?q=cai+cach+hanh+chinh&language=en");

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(english.QuerySelectorAll("li.hit"));
        Assert.NotEmpty(vietnameseOnly.QuerySelectorAll("li.hit"));
        Assert.Empty(englishOnly.QuerySelectorAll("li.hit"));
    }

    [Fact]
    public async Task DocumentPage_ListsMetadataAndPassagesPageByPage()
    {
        var id = await ArticleIdAsync();

        var page = await HtmlPage.GetAsync(_client, $"/documents/{id}");

        Assert.Equal(ArticleTitle, page.One("article.document h1").Text());
        var meta = page.One("dl.meta");
        Assert.Equal("20/01/2016", meta.QuerySelectorAll("dt").Single(dt => dt.Text() == "Ngày").NextElementSibling?.Text());
        var firstPage = page.One("section.page#page-1");
        Assert.NotEmpty(firstPage.QuerySelectorAll("p.passage"));
    }

    [Fact]
    public async Task DocumentPage_SearchWithinTheDocument_MarksMatches()
    {
        var id = await ArticleIdAsync();

        var page = await HtmlPage.GetAsync(_client, $"/documents/{id}?q=giai+doan");

        var marks = page.QuerySelectorAll("ol.results li.hit p.fragment mark").Select(m => m.Text()).ToList();
        Assert.Contains(marks, m => string.Equals(m, "giai", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DocumentPage_UnknownId_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/documents/0000000000000000", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/documents/..%2F..%2Fetc", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/documents", "Tài liệu")]
    [InlineData("/jobs", "Tiến trình nhập tài liệu")]
    [InlineData("/upload", "Tải tài liệu lên")]
    public async Task OtherPages_RenderWithoutErrors(string path, string heading)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, HtmlPage.Parse(await response.Content.ReadAsStringAsync()).One("main h1").Text());
    }

    private async Task<string?> ArticleIdAsync()
    {
        var search = await _client.GetFromJsonAsync<JsonElement>("/api/search?q=GOPA");
        return search.GetProperty("hits")[0].GetProperty("documentId").GetString();
    }
}
