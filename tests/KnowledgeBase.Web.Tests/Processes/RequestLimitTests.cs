using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Web.Tests.Browser;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Processes;

/// <summary>
/// The real server (Kestrel, which the in-memory host does not have) takes its request size limit from
/// <c>Ingestion:MaxFileMb</c>: a file over the limit is refused by intake with a reason, and a request more than a
/// megabyte beyond it is cut off while it is read.
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

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int size)
    {
        var text = new byte[size];
        Array.Fill(text, (byte)'a');
        using var content = new MultipartFormDataContent { { new ByteArrayContent(text), "files", "lon.txt" } };
        return await client.PostAsync("api/documents", content);
    }
}
