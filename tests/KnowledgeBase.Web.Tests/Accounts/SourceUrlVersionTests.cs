using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Accounts;

/// <summary>
/// Audit 2026-12-08: a file sent with a document's source address (<c>sourceUrl</c>, as <c>kb ingest</c> sends from a
/// sidecar) became that document's next version whoever sent it, so any editor could replace another user's private
/// document with their own file, make it public and own it (then delete it). A new version is now made only of the
/// sender's own document of that address; anyone else's file is a document of its own.
/// </summary>
public sealed class SourceUrlVersionTests : IDisposable
{
    private const string Address = "https://example.org/bao-cao.html";

    private readonly NoSeedsAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AFileWithAnotherUsersSourceAddress_IsNotTheirDocumentsNextVersion()
    {
        using var owner = Client(_factory.CreateAccount("owner", UserRole.Editor));
        using var other = Client(_factory.CreateAccount("other", UserRole.Editor));
        using var admin = _factory.CreateClient();
        var original = await IngestAsync(owner, "Báo cáo riêng của chủ sở hữu về kế hoạch năm tới, chưa công bố.", "Private");

        var taken = await IngestAsync(other, "Nội dung khác do một biên tập viên khác gửi lên với cùng địa chỉ nguồn.", "Public");
        var document = await DocumentAsync(admin, original);

        Assert.NotEqual(original, taken);
        Assert.Equal(("owner", "private", 1), (document.GetProperty("addedBy").GetString(), document.GetProperty("visibility").GetString(), document.GetProperty("version").GetInt32()));

        // The owner's own file with that address is still its next version.
        var next = await IngestAsync(owner, "Báo cáo riêng của chủ sở hữu, bản sửa đổi lần hai.", "Private");
        Assert.Equal(original, next);
        Assert.Equal(2, (await DocumentAsync(admin, original)).GetProperty("version").GetInt32());
    }

    private HttpClient Client(string token)
    {
        var client = _factory.CreateAnonymousClient();
        client.UseToken(token);
        return client;
    }

    private static async Task<JsonElement> DocumentAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}")).GetProperty("document");

    /// <summary>Uploads a text with the address as its source; the id of the document its job made or versioned.</summary>
    private static async Task<string> IngestAsync(HttpClient client, string text, string visibility)
    {
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "files", "bao-cao.txt" },
            { new StringContent(visibility), "visibility" },
            { new StringContent(Address), "sourceUrl" },
        };
        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        var job = await JobWaiter.WaitForJobAsync(client, json[0].GetProperty("job").GetProperty("id").GetInt64());
        Assert.Equal("done", job.GetProperty("state").GetString());
        return job.GetProperty("documentId").GetString()!;
    }
}
