using KnowledgeBase.Testing;
using Microsoft.Playwright;

namespace KnowledgeBase.Web.Tests.Infrastructure;

/// <summary>
/// One real app (seeded, seeds ingested) and one browser, shared by the tests of a class: starting them is
/// the slow part, and these tests only read.
/// </summary>
public sealed class SeededAppWithBrowser : IAsyncLifetime
{
    public AppProcess App { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.StartAsync();
        using var client = App.CreateClient();
        await JobWaiter.WaitForIdleAsync(client, expectedJobs: 3);
        (Playwright, Browser) = await Chromium.LaunchAsync();
    }

    public Task<IPage> NewPageAsync(int width = 1200, int height = 900) =>
        Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = App.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height } });

    /// <summary>Signs the page in as the test admin through the login form.</summary>
    public static async Task SignInAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/login");
            await page.Locator("#name").FillAsync(TestAccounts.AdminName);
            await page.Locator("#password").FillAsync(TestAccounts.Password);
            await page.Locator("form.login-form button[type=submit]").ClickAsync();
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 15_000 });
                return;
            }
            catch (System.TimeoutException) when (attempt < 2)
            {
                // Still on the login page. A refusal the app wrote is the answer (fail with it); with none shown, the
                // submit did not go through (once in a full run on two loaded cores): the form is loaded and sent once more.
                var refusal = page.Locator("#login-error");
                if (await refusal.CountAsync() > 0)
                {
                    throw new InvalidOperationException($"The app refused the test admin's sign-in: {await refusal.InnerTextAsync()}");
                }
            }
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }
}
