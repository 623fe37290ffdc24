using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Web.Tests.Browser;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Processes;

/// <summary>
/// The real server (Kestrel, which the in-memory host does not have) takes its request size limit from
/// <c>Ingestion:MaxFileMb</c>: a file over the limit is refused by intake with a reason, and a request more than a
/// megabyte beyond it is cut off while it is read; through the upload page, such a request is answered with the
/// upload page saying so in Vietnamese (413), not an empty 400.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RequestLimitTests : IAsyncLifetime
{
    private const int Megabyte = 1024 * 1024;

    private readonly AppProcess _app = new(seeds: string.Empty, settings: new Dictionary<string, string>
    {
        ["Ingestion:MaxFileMb"] = "1",
        ["Ingestion:RunWorker"] = "false",
    });

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Upload_OverTheConfiguredLimit_IsRefused_AndFarOverIt_IsNotReadAtAll()
    {
        using var client = _app.CreateClient();

        using var over = await UploadAsync(client, (3 * Megabyte) / 2);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("too_large", (await over.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("error").GetString());

        using var farOver = await UploadAsync(client, 3 * Megabyte);
        Assert.Equal(HttpStatusCode.BadRequest, farOver.StatusCode);
        Assert.Contains($"The max request body size is {2 * Megabyte} bytes", await farOver.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UploadForm_FarOverTheLimit_GetsAReadablePage(bool announceLength)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = _app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        // Uploading needs an editor or admin, signed in through the login page as a browser is.
        using var signIn = await TestAccounts.SignInAsync(client, TestAccounts.AdminName);

        var form = HtmlPage.Parse(await client.GetStringAsync(new Uri("upload", UriKind.Relative)));
        var token = form.One("form#upload-form input[name=__RequestVerificationToken]").GetAttribute("value") ?? string.Empty;
        var text = new byte[3 * Megabyte];
        Array.Fill(text, (byte)'a');
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(text), "files", "lon.txt" },
        };
        if (!announceLength)
        {
            content.Headers.ContentLength = null;
            await content.LoadIntoBufferAsync();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("upload", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = !announceLength;
        using var response = await client.SendAsync(request);
        var page = HtmlPage.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Yêu cầu tải lên quá lớn", page.One("ul.outcomes > li").Text(), StringComparison.Ordinal);
        Assert.Contains("2 MB", page.One("ul.outcomes > li").Text(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Audit 2026-12-08: the upload's limit was every request's, so anyone could post a sign-in form of 200 MB (read
    /// whole into memory: 350 MB more for one request). Requests that are not uploads may now send a megabyte.
    /// </summary>
    [Fact]
    public async Task RequestsThatAreNotUploads_MaySendAMegabyte_TheSignInFormToo()
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = _app.BaseAddress };
        var token = HtmlPage.Parse(await browser.GetStringAsync(new Uri("login", UriKind.Relative)))
            .One("form.login-form input[name=__RequestVerificationToken]").GetAttribute("value")!;
        var padding = new string('a', (3 * Megabyte) / 2);

        // The right name and password, padded to 1.5 MB (under the upload limit of 2 MB): not read, not signed in.
        using var signIn = await browser.PostAsync(
            new Uri("login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = TestAccounts.AdminName,
                ["password"] = TestAccounts.Password,
                ["__RequestVerificationToken"] = token,
                ["padding"] = padding,
            }));
        Assert.True(signIn.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"a padded sign-in: {(int)signIn.StatusCode}");

        // A JSON body as large: 413, not an unexpected error; a small one is read as before.
        using var client = _app.CreateClient();
        using var large = await client.PostAsJsonAsync("api/documents/url", new { url = "http://127.0.0.1/", title = padding });
        using var small = await client.PostAsJsonAsync("api/documents/url", new { url = "http://127.0.0.1/" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("forbidden_address", (await small.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int size)
    {
        var text = new byte[size];
        Array.Fill(text, (byte)'a');
        using var content = new MultipartFormDataContent { { new ByteArrayContent(text), "files", "lon.txt" } };
        return await client.PostAsync("api/documents", content);
    }
}
