using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Accounts;

/// <summary>
/// An app without seeds and four accounts besides the admin: the owner (an editor) with a private document holding
/// a word found nowhere else and a public one sharing its other words, another editor, and a reader.
/// </summary>
public sealed class AccountsFixture : IAsyncLifetime
{
    public const string UniqueWord = "xylophonquark";
    public const string UniqueTag = "nhanquarkrieng";

    /// <summary>The private document's text (uploaded as <c>rieng.txt</c>).</summary>
    public const string PrivateText = $"Báo cáo nội bộ {UniqueWord}. {Shared} Kết luận {UniqueWord} chỉ dành cho người soạn.";

    private const string Shared = "Quy trình tiếp nhận hồ sơ hành chính tại bộ phận một cửa của phường được rà soát, rút ngắn thời gian giải quyết cho người dân và doanh nghiệp.";

    public NoSeedsAppFactory Factory { get; } = new();

    public string OwnerToken { get; private set; } = null!;

    public string OtherEditorToken { get; private set; } = null!;

    public string ReaderToken { get; private set; } = null!;

    public string PrivateId { get; private set; } = null!;

    public long PrivateJobId { get; private set; }

    public string PublicId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OwnerToken = Factory.CreateAccount("owner", UserRole.Editor);
        OtherEditorToken = Factory.CreateAccount("other", UserRole.Editor);
        ReaderToken = Factory.CreateAccount("reader", UserRole.Reader);
        using var owner = Client(OwnerToken);
        var privateJob = await UploadAsync(owner, "rieng.txt", PrivateText, "Private");
        var publicJob = await UploadAsync(owner, "congkhai.txt", $"Thông báo công khai. {Shared} Mời người dân góp ý.", "Public");
        PrivateJobId = privateJob;
        PrivateId = (await JobWaiter.WaitForJobAsync(owner, privateJob)).GetProperty("documentId").GetString()!;
        PublicId = (await JobWaiter.WaitForJobAsync(owner, publicJob)).GetProperty("documentId").GetString()!;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A client with this bearer token, or anonymous when null.</summary>
    public HttpClient Client(string? token)
    {
        var client = Factory.CreateAnonymousClient();
        if (token is not null)
        {
            client.UseToken(token);
        }

        return client;
    }

    /// <summary>A client signed in through the login form (cookie), as a browser would be.</summary>
    public async Task<HttpClient> SignedInAsync(string name)
    {
        var client = Factory.CreateAnonymousClient();
        var response = await TestAccounts.SignInAsync(client, name);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"sign-in of {name}: {(int)response.StatusCode}");
        return client;
    }

    private static async Task<long> UploadAsync(HttpClient client, string name, string text, string visibility)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "files", name);
        content.Add(new StringContent(visibility), "visibility");
        content.Add(new StringContent(UniqueTag + "-" + visibility.ToLowerInvariant()), "tags");
        using var response = await client.PostAsync(new Uri("/api/documents", UriKind.Relative), content);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json[0].GetProperty("job").GetProperty("id").GetInt64();
    }
}

/// <summary>The app with no seeds: these tests bring their own documents.</summary>
public sealed class NoSeedsAppFactory : WebAppFactory
{
    protected override string? SeedsPath => null;
}
