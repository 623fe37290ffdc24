using System.Net.Http.Headers;
using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Ingestion.Catalog;

namespace KnowledgeBase.Web.Tests.Infrastructure;

/// <summary>
/// Accounts and tokens written straight into a data folder's catalog (as <c>kb users add</c> does, whether or not
/// the app runs), and sign-in through the login form with its antiforgery token.
/// </summary>
public static class TestAccounts
{
    /// <summary>The admin every test app has, whose token the default clients carry.</summary>
    public const string AdminName = "test-admin";

    public const string Password = "test-password-1";

    /// <summary>Adds an account (if new) and returns a fresh API token for it.</summary>
    public static string Create(string dataPath, string name, UserRole role)
    {
        var catalog = new CatalogDatabase(Path.Combine(dataPath, "catalog.db"));
        var accounts = new AccountStore(catalog, TimeProvider.System);
        accounts.Add(name, role, Password);
        return new TokenStore(catalog, accounts, TimeProvider.System).Create(name, "tests")!;
    }

    public static void UseToken(this HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Signs in through <c>/login</c> as a browser would (antiforgery token and cookie); the client keeps the cookie.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await HtmlPage.GetAsync(client, "/login");
        var token = form.QuerySelector("form.login-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(
            new Uri("/login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = name, ["password"] = password, ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The antiforgery token of a page's first form, for a form post or an API call signed with a cookie.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string url)
    {
        var page = await HtmlPage.GetAsync(client, url);
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
