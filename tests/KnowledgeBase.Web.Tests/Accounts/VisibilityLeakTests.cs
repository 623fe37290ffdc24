using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Tests.Accounts;

/// <summary>
/// A private document with a word found nowhere else leaks through no surface to anonymous callers, readers or
/// other editors — results, total, facets, "did you mean", suggestions, similar passages, the document's page and
/// JSON, the original, the viewer, the lists of documents and jobs, the job itself — and shows on each to its
/// owner and to admins. Readers and the owner sign in through the login form (cookie); the others use tokens.
/// </summary>
public sealed class VisibilityLeakTests(AccountsFixture fixture) : IClassFixture<AccountsFixture>
{
    private static readonly string Misspelled = AccountsFixture.UniqueWord[..^1] + "c";

    public static TheoryData<string> Surfaces =>
    [
        "results", "total", "facets", "did-you-mean", "suggest-phrase", "suggest-title", "similar", "search-page",
        "document-page", "document-json", "original-page", "original-api", "viewer", "documents-api", "documents-page",
        "jobs-api", "jobs-page", "job-api", "welcome-count",
    ];

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task PrivateDocument_Hidden_FromAnonymousReadersAndOtherEditors(string surface)
    {
        using var anonymous = fixture.Client(null);
        using var reader = await fixture.SignedInAsync("reader");
        using var other = fixture.Client(fixture.OtherEditorToken);

        Assert.False(await ShowsAsync(surface, anonymous), $"{surface}: anonymous sees the private document");
        Assert.False(await ShowsAsync(surface, reader), $"{surface}: a reader sees the private document");
        Assert.False(await ShowsAsync(surface, other), $"{surface}: another editor sees the private document");
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task PrivateDocument_Shown_ToItsOwnerAndAdmins(string surface)
    {
        using var owner = await fixture.SignedInAsync("owner");
        using var admin = fixture.Factory.CreateClient();

        Assert.True(await ShowsAsync(surface, owner), $"{surface}: the owner does not see their private document");
        Assert.True(await ShowsAsync(surface, admin), $"{surface}: an admin does not see the private document");
    }

    [Fact]
    public async Task PublicDocument_StillShown_ToAnonymousCallers()
    {
        using var anonymous = fixture.Client(null);

        var json = await anonymous.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString("thông báo công khai"));

        Assert.Contains(json.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == fixture.PublicId);
    }

    /// <summary>
    /// Audit 2026-12-08: another editor uploading the private document's very bytes was told "Same content as
    /// "TITLE" (ID)" — its title and id. It is still a duplicate (one document per content), named to its owner only.
    /// </summary>
    [Fact]
    public async Task UploadingAPrivateDocumentsBytes_NamesIt_OnlyToWhoMaySeeIt()
    {
        using var admin = fixture.Factory.CreateClient();
        var title = (await admin.GetFromJsonAsync<JsonElement>($"/api/documents/{fixture.PrivateId}")).GetProperty("document").GetProperty("title").GetString()!;
        using var other = fixture.Client(fixture.OtherEditorToken);
        using var owner = fixture.Client(fixture.OwnerToken);

        var toOther = await UploadCopyAsync(other);
        var toOwner = await UploadCopyAsync(owner);

        // (The id is the content hash's start, which whoever holds the bytes works out anyway; the title is not.)
        Assert.Equal("duplicate", toOther.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, toOther.GetProperty("documentId").ValueKind);
        Assert.DoesNotContain(fixture.PrivateId, toOther.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(title, toOther.ToString(), StringComparison.Ordinal);
        Assert.Equal(fixture.PrivateId, toOwner.GetProperty("documentId").GetString());
        Assert.Contains(title, toOwner.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> UploadCopyAsync(HttpClient client)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(AccountsFixture.PrivateText)), "files", "ban-sao.txt");
        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json[0].GetProperty("job");
    }

    private async Task<bool> ShowsAsync(string surface, HttpClient client)
    {
        var id = fixture.PrivateId;
        return surface switch
        {
            "results" => (await SearchAsync(client, AccountsFixture.UniqueWord)).GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("documentId").GetString() == id),
            "total" => (await SearchAsync(client, AccountsFixture.UniqueWord)).GetProperty("total").GetInt32() > 0,
            "facets" => (await SearchAsync(client, "hồ sơ hành chính", "&facets=true")).GetProperty("facets").ToString().Contains(AccountsFixture.UniqueTag + "-private", StringComparison.Ordinal),
            "did-you-mean" => (await SearchAsync(client, Misspelled)).ToString().Contains(AccountsFixture.UniqueWord, StringComparison.Ordinal),
            "suggest-phrase" => (await client.GetStringAsync(new Uri("/api/suggest?q=" + AccountsFixture.UniqueWord[..8], UriKind.Relative))).Contains(AccountsFixture.UniqueWord, StringComparison.Ordinal),
            "suggest-title" => (await client.GetStringAsync(new Uri("/api/suggest?q=" + Uri.EscapeDataString("Báo cáo nội"), UriKind.Relative))).Contains(AccountsFixture.UniqueWord, StringComparison.Ordinal),
            "similar" => (await client.GetStringAsync(new Uri($"/api/passages/{PassageIds.Create(fixture.PublicId, 0)}/similar", UriKind.Relative))).Contains(id, StringComparison.Ordinal),
            "search-page" => (await client.GetStringAsync(new Uri("/?q=" + AccountsFixture.UniqueWord, UriKind.Relative))).Contains($"/documents/{id}", StringComparison.Ordinal),
            "document-page" => await OkAsync(client, $"/documents/{id}"),
            "document-json" => await OkAsync(client, $"/api/documents/{id}"),
            "original-page" => await OkAsync(client, $"/documents/{id}/file"),
            "original-api" => await OkAsync(client, $"/api/documents/{id}/file"),
            "viewer" => await OkAsync(client, $"/documents/{id}/view"),
            "documents-api" => (await client.GetStringAsync(new Uri("/api/documents", UriKind.Relative))).Contains(id, StringComparison.Ordinal),
            "documents-page" => (await client.GetStringAsync(new Uri("/documents", UriKind.Relative))).Contains(id, StringComparison.Ordinal),
            "jobs-api" => (await client.GetFromJsonAsync<JsonElement>("/api/jobs")).GetProperty("jobs").EnumerateArray().Any(j => j.GetProperty("id").GetInt64() == fixture.PrivateJobId),
            "jobs-page" => (await client.GetStringAsync(new Uri("/jobs", UriKind.Relative))).Contains("rieng.txt", StringComparison.Ordinal),
            "job-api" => await OkAsync(client, $"/api/jobs/{fixture.PrivateJobId}"),
            "welcome-count" => (await client.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("total").GetInt32() == 2,
            _ => throw new ArgumentOutOfRangeException(nameof(surface), surface, "Unknown surface."),
        };
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query, string extra = "") =>
        await client.GetFromJsonAsync<JsonElement>("/api/search?q=" + Uri.EscapeDataString(query) + extra);

    private static async Task<bool> OkAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.OK;
    }
}
