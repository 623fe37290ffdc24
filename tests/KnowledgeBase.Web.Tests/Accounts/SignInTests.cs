using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Web.Tests.Accounts;

/// <summary>The login page, lock-out, sign-out, changing one's password, and the audit trail admins read.</summary>
public sealed class SignInTests : IDisposable
{
    private readonly NoSeedsAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task LoginPage_IsVietnamese_WithEnglishSwitchable()
    {
        using var client = _factory.CreateAnonymousClient();

        var vietnamese = await HtmlPage.GetAsync(client, "/login");
        var english = await HtmlPage.GetAsync(client, "/login?lang=en");

        Assert.Equal("Đăng nhập", vietnamese.One("h1").Text());
        Assert.Equal("Mật khẩu", vietnamese.One("label[for=password]").Text());
        Assert.Equal("Sign in", english.One("h1").Text());
    }

    [Fact]
    public async Task RepeatedFailures_LockTheAccount_EvenForTheRightPassword_AndAreAudited()
    {
        _factory.CreateAccount("lan", UserRole.Editor);
        using var client = _factory.CreateAnonymousClient();

        for (var i = 0; i < AccountStore.MaxFailedSignIns; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TestAccounts.SignInAsync(client, "lan", "wrong password")).StatusCode);
        }

        var locked = await TestAccounts.SignInAsync(client, "lan");
        var page = HtmlPage.Parse(await locked.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("khóa", page.One("#login-error").Text(), StringComparison.Ordinal);
        var audit = _factory.Services.GetRequiredService<AuditStore>().List();
        Assert.True(audit.Count(e => e is { Action: AuditActions.SignInFailed, UserName: "lan" }) >= AccountStore.MaxFailedSignIns);
    }

    [Fact]
    public async Task SignIn_ShowsTheName_SignOutForgetsIt()
    {
        _factory.CreateAccount("minh", UserRole.Reader);
        using var client = _factory.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Redirect, (await TestAccounts.SignInAsync(client, "minh")).StatusCode);
        var signedIn = await HtmlPage.GetAsync(client, "/");
        var token = signedIn.One("form.account input[name=__RequestVerificationToken]").GetAttribute("value")!;
        await client.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var signedOut = await HtmlPage.GetAsync(client, "/");

        Assert.Contains("minh", signedIn.One("#account-name").Text(), StringComparison.Ordinal);
        Assert.Empty(signedOut.QuerySelectorAll("#account-name"));
        Assert.NotNull(signedOut.QuerySelector("#sign-in"));
    }

    [Fact]
    public async Task ChangeOwnPassword_TheNewOneSignsIn_TheOldOneNoLonger()
    {
        _factory.CreateAccount("hoa", UserRole.Editor);
        using var client = _factory.CreateAnonymousClient();
        await TestAccounts.SignInAsync(client, "hoa");
        var token = await TestAccounts.FormTokenAsync(client, "/account/password");

        using var response = await client.PostAsync(new Uri("/account/password", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["current"] = TestAccounts.Password,
            ["password"] = "mật khẩu mới 2026",
            ["confirm"] = "mật khẩu mới 2026",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accounts = _factory.Services.GetRequiredService<AccountStore>();
        Assert.Equal(SignInOutcome.Succeeded, accounts.SignIn("hoa", "mật khẩu mới 2026").Outcome);
        Assert.Equal(SignInOutcome.Failed, accounts.SignIn("hoa", TestAccounts.Password).Outcome);
    }

    [Fact]
    public async Task AuditPage_ListsUploadsEditsDeletesAndSignIns_ForAdminsOnly()
    {
        using var admin = _factory.CreateClient();
        using var signIn = _factory.CreateAnonymousClient();
        await TestAccounts.SignInAsync(signIn, TestAccounts.AdminName);
        using var content = new MultipartFormDataContent { { new ByteArrayContent("Biên bản kiểm tra công vụ quý một."u8.ToArray()), "files", "bien-ban.txt" } };
        var upload = await (await admin.PostAsync(new Uri("/api/documents", UriKind.Relative), content)).Content.ReadFromJsonAsync<JsonElement>();
        var job = await Testing.JobWaiter.WaitForJobAsync(admin, upload[0].GetProperty("job").GetProperty("id").GetInt64());
        var id = job.GetProperty("documentId").GetString()!;
        await admin.PatchAsJsonAsync($"/api/documents/{id}", new { title = "Biên bản đã sửa" });
        await admin.PostAsync(new Uri($"/api/documents/{id}/reingest", UriKind.Relative), null);
        await Testing.JobWaiter.WaitForIdleAsync(admin, expectedJobs: 2);
        await admin.DeleteAsync(new Uri($"/api/documents/{id}", UriKind.Relative));

        var page = await HtmlPage.GetAsync(admin, "/audit");
        var actions = page.Texts("td.audit-action");

        Assert.Contains("Tải lên", actions);
        Assert.Contains("Sửa thông tin", actions);
        Assert.Contains("Nhập lại", actions);
        Assert.Contains("Xóa", actions);
        Assert.Contains("Đăng nhập", actions);
        Assert.Contains(page.QuerySelectorAll("td a"), a => a.GetAttribute("href") == $"/documents/{id}");
        _factory.CreateAccount("editor", UserRole.Editor);
        using var editor = _factory.CreateAnonymousClient();
        await TestAccounts.SignInAsync(editor, "editor");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync(new Uri("/audit", UriKind.Relative))).StatusCode);
    }
}

/// <summary>With <c>Auth:AnonymousRead</c> false, nothing but the login page answers before signing in.</summary>
public sealed class AnonymousReadOffTests : IDisposable
{
    private readonly NoAnonymousReadFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("/api/search?q=a", HttpStatusCode.Unauthorized)]
    [InlineData("/api/documents", HttpStatusCode.Unauthorized)]
    [InlineData("/api/suggest?q=a", HttpStatusCode.Unauthorized)]
    [InlineData("/", HttpStatusCode.Redirect)]
    [InlineData("/documents", HttpStatusCode.Redirect)]
    [InlineData("/jobs", HttpStatusCode.Redirect)]
    [InlineData("/login", HttpStatusCode.OK)]
    public async Task Anonymous_IsAskedToSignIn(string url, HttpStatusCode expected)
    {
        using var client = _factory.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Reader_SignedIn_Searches()
    {
        _factory.CreateAccount("reader", UserRole.Reader);
        using var client = _factory.CreateAnonymousClient();
        await TestAccounts.SignInAsync(client, "reader");

        using var response = await client.GetAsync(new Uri("/api/search?q=a", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class NoAnonymousReadFactory : WebAppFactory
    {
        protected override string? SeedsPath => null;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:AnonymousRead", "false");
        }
    }
}
