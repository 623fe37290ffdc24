using System.Net;
using KnowledgeBase.Web.Tests.Browser;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Processes;

/// <summary>
/// Through the upload page, a request over Kestrel's limit (<c>Ingestion:MaxFileMb</c> plus a megabyte) is
/// answered with the upload page saying so in Vietnamese (413), not an empty 400.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class OverSizeUploadPageTests : IAsyncLifetime
{
    private const int Megabyte = 1024 * 1024;

    private readonly AppProcess _app = new(seeds: string.Empty, settings: new Dictionary<string, string>
    {
        ["Ingestion:MaxFileMb"] = "1",
        ["Ingestion:RunWorker"] = "false",
    });

    public Task InitializeAsync() => _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

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
}
