using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Hardening;

/// <summary>Every response carries the security headers; no page carries inline script; host names are filtered.</summary>
public sealed class SecurityHeadersTests(WebAppFactory factory) : IClassFixture<WebAppFactory>, IAsyncLifetime
{
    private const string Article = """
        <!DOCTYPE html>
        <html lang="vi"><head><title>Cải cách thủ tục hành chính ở cấp xã</title></head>
        <body><article><h1>Cải cách thủ tục hành chính ở cấp xã</h1>
        <p>Ủy ban nhân dân xã đã rà soát toàn bộ thủ tục hành chính, cắt giảm thời gian giải quyết hồ sơ cho người dân và doanh nghiệp trên địa bàn.</p>
        <script>alert(document.cookie)</script>
        <p>Bộ phận một cửa tiếp nhận hồ sơ trực tuyến, trả kết quả qua dịch vụ bưu chính công ích, giúp người dân không phải đi lại nhiều lần.</p>
        <p>Kết quả khảo sát cho thấy mức độ hài lòng của người dân tăng rõ rệt so với năm trước, nhất là với thủ tục chứng thực và hộ tịch.</p>
        </article></body></html>
        """;

    private readonly HttpClient _client = factory.CreateClient();
    private List<(string Id, string Kind)> _documents = [];

    public async Task InitializeAsync()
    {
        await JobWaiter.WaitForIdleAsync(_client, expectedJobs: 3);
        var list = await _client.GetFromJsonAsync<JsonElement>("/api/documents");
        _documents = [.. list.GetProperty("documents").EnumerateArray().Select(d => (d.GetProperty("id").GetString()!, d.GetProperty("kind").GetString()!))];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IEnumerable<string> Pages()
    {
        var pdf = _documents.First(d => d.Kind == "pdf").Id;
        var text = _documents.First(d => d.Kind == "text").Id;
        return
        [
            "/", "/?q=cai+cach+hanh+chinh", "/?q=cai+cach&grouped=true", "/?q=-a", "/documents", "/documents/attention",
            "/upload", "/jobs", $"/documents/{pdf}", $"/documents/{text}", $"/documents/{pdf}/view?page=1&q=an+le",
            $"/documents/{text}/view?page=1&q=cai+cach", "/documents/ffffffffffffffff", "/khong-co-trang-nay",
        ];
    }

    [Fact]
    public async Task PagesApiAndFiles_CarryTheSecurityHeaders()
    {
        var pdf = _documents.First(d => d.Kind == "pdf").Id;
        var urls = Pages().Concat(
        [
            "/api/search?q=cai+cach", "/api/search?q=", "/api/documents", $"/api/documents/{pdf}", "/api/jobs",
            $"/api/documents/{pdf}/file", $"/documents/{pdf}/file", "/css/site.css", "/js/viewer.js", "/favicon.svg",
        ]);
        foreach (var url in urls)
        {
            using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
            var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), url + ": " + csp);
            Assert.True(csp.Contains("script-src 'self'", StringComparison.Ordinal), url + ": " + csp);
            Assert.DoesNotContain("unsafe-inline", csp.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task HtmlOriginal_KeepsItsSandbox()
    {
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Article)), "files", "doc-hai.html" },
        };
        var upload = await _client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        var jobId = (await upload.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("job").GetProperty("id").GetInt64();
        var job = await JobWaiter.WaitForJobAsync(_client, jobId);
        var id = job.GetProperty("documentId").GetString();
        Assert.True(job.GetProperty("state").GetString() == "done", job.ToString());

        using var response = await _client.GetAsync(new Uri($"/documents/{id}/file", UriKind.Relative));
        var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));

        Assert.StartsWith("sandbox", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPage_HasInlineScriptOrHandlers()
    {
        foreach (var url in Pages())
        {
            using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
            var page = HtmlPage.Parse(await response.Content.ReadAsStringAsync());
            foreach (var script in page.QuerySelectorAll("script"))
            {
                Assert.True(script.HasAttribute("src"), $"{url}: inline script {script.OuterHtml}");
                Assert.True(string.IsNullOrWhiteSpace(script.TextContent), $"{url}: script with a body {script.OuterHtml}");
            }

            foreach (var element in page.All)
            {
                var handler = element.Attributes.FirstOrDefault(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                Assert.True(handler is null, $"{url}: inline handler {handler?.Name} on <{element.LocalName}>");
                Assert.False(IsScriptUrl(element.GetAttribute("href")) || IsScriptUrl(element.GetAttribute("action")), $"{url}: javascript: link on <{element.LocalName}>");
                Assert.False(element.HasAttribute("style"), $"{url}: inline style on <{element.LocalName}>");
            }
        }
    }

    [Fact]
    public async Task UnknownHostName_IsRefused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Host = "rebound.attacker.example";

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static bool IsScriptUrl(string? value) => value?.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) ?? false;
}
