using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Web.Tests.Accounts;

/// <summary>
/// What each role may and may not do, route by route: the API with bearer tokens (401 anonymous, 403 forbidden),
/// the pages with a cookie from the login form (a redirect to /login when the right is missing). The owner is an
/// editor who added the public document; "other" is an editor who did not.
/// </summary>
public sealed class RoleAccessTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    // Reads every caller may do (anonymous reading is on by default).
    public static TheoryData<string, string> Reads => new()
    {
        { "anonymous", "/" }, { "anonymous", "/api/search?q=hồ+sơ" }, { "anonymous", "/api/suggest?q=h" }, { "anonymous", "/documents" },
        { "anonymous", "/jobs" }, { "anonymous", "/api/jobs" }, { "anonymous", "/api/documents" }, { "anonymous", "/documents/attention" },
        { "anonymous", "/login" }, { "anonymous", "/health" }, { "anonymous", "/openapi/v1.json" }, { "reader", "/" }, { "reader", "/documents" }, { "reader", "/account/password" },
        { "editor", "/upload" }, { "admin", "/upload" }, { "admin", "/audit" },
    };

    // Pages a caller may not open: sent to the login page.
    public static TheoryData<string, string> PagesRedirectedToLogin => new()
    {
        { "anonymous", "/upload" }, { "anonymous", "/audit" }, { "anonymous", "/account/password" },
        { "reader", "/upload" }, { "reader", "/audit" }, { "editor", "/audit" },
    };

    // API writes on the public document of "owner", and the status each caller gets.
    public static TheoryData<string, string, string, int> ApiWrites => new()
    {
        { "anonymous", "POST", "/api/documents", 401 },
        { "anonymous", "POST", "/api/documents/url", 401 },
        { "anonymous", "PATCH", "/api/documents/{public}", 401 },
        { "anonymous", "DELETE", "/api/documents/{public}", 401 },
        { "anonymous", "POST", "/api/documents/{public}/reingest", 401 },
        { "anonymous", "POST", "/api/jobs/1/retry", 401 },
        { "reader", "POST", "/api/documents", 403 },
        { "reader", "POST", "/api/documents/url", 403 },
        { "reader", "PATCH", "/api/documents/{public}", 403 },
        { "reader", "DELETE", "/api/documents/{public}", 403 },
        { "reader", "POST", "/api/documents/{public}/reingest", 403 },
        { "reader", "POST", "/api/jobs/1/retry", 403 },
        { "other", "PATCH", "/api/documents/{public}", 403 },
        { "other", "DELETE", "/api/documents/{public}", 403 },
        { "other", "POST", "/api/documents/{public}/reingest", 403 },
        { "other", "POST", "/api/jobs/{publicJob}/retry", 403 },
        { "other", "PATCH", "/api/documents/{private}", 404 },
        { "other", "DELETE", "/api/documents/{private}", 404 },
        { "owner", "PATCH", "/api/documents/{public}", 200 },
        { "owner", "POST", "/api/jobs/{publicJob}/retry", 409 },
        { "admin", "PATCH", "/api/documents/{public}", 200 },
        { "admin", "POST", "/api/jobs/{publicJob}/retry", 409 },
        { "anonymous", "POST", "/api/admin/backup", 401 },
        { "reader", "POST", "/api/admin/backup", 403 },
        { "owner", "POST", "/api/admin/backup", 403 },
        { "anonymous", "POST", "/api/admin/optimize", 401 },
        { "reader", "POST", "/api/admin/optimize", 403 },
        { "owner", "POST", "/api/admin/optimize", 403 },
    };

    // The document page's edit, re-ingest and delete forms: shown to whom may use them, on the owner's documents.
    public static TheoryData<string, string, bool> DocumentPageForms => new()
    {
        { "anonymous", "{public}", false }, { "reader", "{public}", false }, { "other", "{public}", false },
        { "owner", "{public}", true }, { "admin", "{public}", true }, { "owner", "{private}", true }, { "admin", "{private}", true },
    };

    [Theory]
    [MemberData(nameof(DocumentPageForms))]
    public async Task DocumentPage_ShowsTheWriteForms_OnlyToWhomMayUseThem(string role, string document, bool shown)
    {
        using var client = await PageClientAsync(role);
        var id = document == "{public}" ? fixture.PublicId : fixture.PrivateId;

        var page = await HtmlPage.GetAsync(client, $"/documents/{id}");

        Assert.Equal(fixture.Factory.Services.GetRequiredService<Ingestion.Catalog.DocumentStore>().Get(id)!.Title, page.One("h1").Text());
        foreach (var action in new[] { "edit", "reingest", "delete" })
        {
            Assert.Equal(shown, page.QuerySelector($"form[method=post][action='/documents/{id}/{action}']") is not null);
        }

        Assert.Equal(shown, page.QuerySelector("details.edit") is not null);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Reads_AreAnswered(string role, string url)
    {
        using var client = await PageClientAsync(role);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PagesRedirectedToLogin))]
    public async Task Pages_WithoutTheRight_RedirectToLogin(string role, string url)
    {
        using var client = await PageClientAsync(role);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.OriginalString.Replace("http://localhost", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiWrites))]
    public async Task ApiWrites_ByRole(string role, string method, string url, int status)
    {
        using var client = fixture.Client(Token(role));
        url = url.Replace("{public}", fixture.PublicId, StringComparison.Ordinal)
            .Replace("{private}", fixture.PrivateId, StringComparison.Ordinal)
            .Replace("{publicJob}", (await PublicJobIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = Body(url, method) };

        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task PageWrites_Anonymous_RedirectToLogin_AndChangeNothing()
    {
        using var client = fixture.Client(null);

        using var response = await client.PostAsync(new Uri($"/documents/{fixture.PublicId}/delete", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/documents/{fixture.PublicId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task PageWrites_OtherEditor_IsSentToLogin_OwnerMayReingest()
    {
        using var other = await fixture.SignedInAsync("other");
        using var owner = await fixture.SignedInAsync("owner");

        using var refused = await PostFormAsync(other, $"/documents/{fixture.PublicId}", $"/documents/{fixture.PublicId}/reingest");
        using var accepted = await PostFormAsync(owner, $"/documents/{fixture.PublicId}", $"/documents/{fixture.PublicId}/reingest");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains($"/documents/{fixture.PublicId}", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiWrite_WithACookieAlone_IsRefused_WithTheAntiforgeryHeader_Accepted()
    {
        using var owner = await fixture.SignedInAsync("owner");
        var token = await TestAccounts.FormTokenAsync(owner, "/upload");

        using var cookieOnly = await owner.PostAsync(new Uri($"/api/documents/{fixture.PublicId}/reingest", UriKind.Relative), null);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/documents/{fixture.PublicId}/reingest", UriKind.Relative));
        request.Headers.Add("RequestVerificationToken", token);
        using var withToken = await owner.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, cookieOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, withToken.StatusCode);
    }

    [Fact]
    public async Task Upload_ByAnEditor_IsInternalByDefault_AndOwnedByThem()
    {
        using var other = fixture.Client(fixture.OtherEditorToken);
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("Ghi chú họp giao ban tuần của tổ một cửa, mặc định nội bộ.")) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "files", "giao-ban.txt");

        using var response = await other.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        var job = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())[0].GetProperty("job");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("internal", job.GetProperty("metadata").GetProperty("visibility").GetString());
        Assert.Equal("other", job.GetProperty("metadata").GetProperty("addedBy").GetString());
    }

    [Fact]
    public async Task UnknownBearerToken_Is401_NotAnonymous()
    {
        using var client = fixture.Client("kb_not-a-real-token");

        using var response = await client.GetAsync(new Uri("/api/search?q=a", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private string? Token(string role) => role switch
    {
        "anonymous" => null,
        "reader" => fixture.ReaderToken,
        "owner" or "editor" => fixture.OwnerToken,
        "other" => fixture.OtherEditorToken,
        "admin" => fixture.Factory.AdminToken,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    /// <summary>Pages are used with a cookie from the login form.</summary>
    private async Task<HttpClient> PageClientAsync(string role)
    {
        var client = role switch
        {
            "anonymous" => fixture.Client(null),
            "admin" => await fixture.SignedInAsync(TestAccounts.AdminName),
            "editor" => await fixture.SignedInAsync("owner"),
            _ => await fixture.SignedInAsync(role),
        };
        return client;
    }

    private async Task<long> PublicJobIdAsync()
    {
        using var admin = fixture.Factory.CreateClient();
        var json = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/documents/{fixture.PublicId}");
        return json.GetProperty("jobs")[0].GetProperty("id").GetInt64();
    }

    private static HttpContent? Body(string url, string method) => (method, url) switch
    {
        ("PATCH", _) => JsonContent.Create(new { tags = "đã sửa" }),
        ("POST", "/api/documents/url") => JsonContent.Create(new { url = "http://127.0.0.1:9/x.html" }),
        ("POST", "/api/documents") => new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "files", "x.txt" } },
        _ => null,
    };

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action)
    {
        var token = await TestAccounts.FormTokenAsync(client, page);
        return await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }
}
