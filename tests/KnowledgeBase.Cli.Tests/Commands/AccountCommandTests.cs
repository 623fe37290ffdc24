using System.Text.Json;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Ingestion.Catalog;

namespace KnowledgeBase.Cli.Tests.Commands;

/// <summary><c>kb users add|list|remove</c> and <c>kb tokens create</c> on a temporary data folder, no app running.</summary>
public sealed class AccountCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kb-cli-users-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task UsersAdd_ThenList_ShowsTheAccountWithItsRole_AndThePasswordSignsIn()
    {
        var (code, _, error) = await KbProcess.RunWithInputAsync("mật khẩu dài 1\n", "--data", _data, "users", "add", "lan", "--role", "editor", "--password-stdin");
        Assert.True(code == 0, error);

        var (listCode, output, _) = await KbProcess.RunAsync("--data", _data, "users", "list", "--json");
        using var json = JsonDocument.Parse(output);

        Assert.Equal(0, listCode);
        var user = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("lan", user.GetProperty("name").GetString());
        Assert.Equal("editor", user.GetProperty("role").GetString());
        Assert.DoesNotContain("mật khẩu", output, StringComparison.Ordinal);
        var accounts = Accounts();
        Assert.Equal(SignInOutcome.Succeeded, accounts.SignIn("lan", "mật khẩu dài 1").Outcome);
        Assert.Equal(SignInOutcome.Failed, accounts.SignIn("lan", "wrong password").Outcome);
    }

    [Fact]
    public async Task UsersAdd_Refuses_ADuplicateName_AShortPassword_AnUnknownRole()
    {
        Assert.Equal(0, (await KbProcess.RunWithInputAsync("password-1\n", "--data", _data, "users", "add", "an", "--role", "reader", "--password-stdin")).ExitCode);

        var duplicate = await KbProcess.RunWithInputAsync("password-2\n", "--data", _data, "users", "add", "an", "--role", "admin", "--password-stdin");
        var shortPassword = await KbProcess.RunWithInputAsync("short\n", "--data", _data, "users", "add", "binh", "--role", "reader", "--password-stdin");
        var badRole = await KbProcess.RunWithInputAsync("password-3\n", "--data", _data, "users", "add", "chi", "--role", "owner", "--password-stdin");

        Assert.NotEqual(0, duplicate.ExitCode);
        Assert.Contains("already", duplicate.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, shortPassword.ExitCode);
        Assert.NotEqual(0, badRole.ExitCode);
        Assert.Equal(["an"], Accounts().List().Select(u => u.Name));
        Assert.Equal(UserRole.Reader, Accounts().Get("an")!.Role);
    }

    [Fact]
    public async Task UsersRemove_RemovesTheAccountAndItsTokens()
    {
        await KbProcess.RunWithInputAsync("password-1\n", "--data", _data, "users", "add", "dung", "--role", "editor", "--password-stdin");
        var token = LastLine((await KbProcess.RunAsync("--data", _data, "tokens", "create", "dung")).Output);

        var (code, _, _) = await KbProcess.RunAsync("--data", _data, "users", "remove", "dung");
        var (againCode, _, againError) = await KbProcess.RunAsync("--data", _data, "users", "remove", "dung");

        Assert.Equal(0, code);
        Assert.NotEqual(0, againCode);
        Assert.Contains("no user", againError, StringComparison.Ordinal);
        Assert.Null(Accounts().Get("dung"));
        Assert.Null(Tokens().Authenticate(token));
    }

    [Fact]
    public async Task TokensCreate_PrintsTheTokenAloneOnTheLastLine_StoresOnlyItsHash()
    {
        await KbProcess.RunWithInputAsync("password-1\n", "--data", _data, "users", "add", "hoa", "--role", "admin", "--password-stdin");

        var (code, output, _) = await KbProcess.RunAsync("--data", _data, "tokens", "create", "hoa", "--label", "nightly import");
        var token = LastLine(output);

        Assert.Equal(0, code);
        Assert.Matches("^kb_[A-Za-z0-9_-]{43}$", token);
        Assert.Equal("hoa", Tokens().Authenticate(token)?.Name);
        Assert.Equal("nightly import", Assert.Single(Tokens().List("hoa")).Label);
        foreach (var file in Directory.GetFiles(_data, "catalog.db*"))
        {
            Assert.DoesNotContain(token, System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        }

        Assert.NotEqual(0, (await KbProcess.RunAsync("--data", _data, "tokens", "create", "nobody")).ExitCode);
    }

    /// <summary>Audit 2026-12-08: a leaked token could only be stopped by removing its user.</summary>
    [Fact]
    public async Task TokensRevoke_StopsThatTokenAtOnce_TheOthersStillWork()
    {
        await KbProcess.RunWithInputAsync("password-1\n", "--data", _data, "users", "add", "minh", "--role", "editor", "--password-stdin");
        var leaked = LastLine((await KbProcess.RunAsync("--data", _data, "tokens", "create", "minh", "--label", "leaked")).Output);
        var kept = LastLine((await KbProcess.RunAsync("--data", _data, "tokens", "create", "minh", "--label", "kept")).Output);
        var (listCode, list, _) = await KbProcess.RunAsync("--data", _data, "tokens", "list", "minh");
        var id = Tokens().List("minh").Single(t => t.Label == "leaked").Id;

        var (code, _, error) = await KbProcess.RunAsync("--data", _data, "tokens", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, listCode);
        Assert.Contains("leaked", list, StringComparison.Ordinal);
        Assert.DoesNotContain(leaked, list, StringComparison.Ordinal);
        Assert.True(code == 0, error);
        Assert.Null(Tokens().Authenticate(leaked));
        Assert.Equal("minh", Tokens().Authenticate(kept)?.Name);
        Assert.NotEqual(0, (await KbProcess.RunAsync("--data", _data, "tokens", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ExitCode);
    }

    private static string LastLine(string output) => output.TrimEnd().Split('\n')[^1].Trim();

    private AccountStore Accounts() => new(Catalog(), TimeProvider.System);

    private TokenStore Tokens() => new(Catalog(), Accounts(), TimeProvider.System);

    private CatalogDatabase Catalog() => new(Path.Combine(_data, "catalog.db"));
}
