using Deque.AxeCore.Playwright;
using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace KnowledgeBase.Web.Tests.Browser;

/// <summary>axe-core over the main pages: no serious or critical violations.</summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityTests : IClassFixture<SeededAppWithBrowser>
{
    private readonly SeededAppWithBrowser _fixture;
    private readonly ITestOutputHelper _output;

    public AccessibilityTests(SeededAppWithBrowser fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Theory]
    [InlineData("/", "vi")]
    [InlineData("/?q=cai+cach+hanh+chinh", "vi")]
    [InlineData("/?q=-unclosed", "vi")]
    [InlineData("/?q=zzqqxx", "vi")]
    [InlineData("/documents", "vi")]
    [InlineData("/upload", "vi")]
    [InlineData("/jobs", "vi")]
    [InlineData("/login", "vi")]
    [InlineData("/audit", "vi")]
    [InlineData("/?q=an+le&lang=en", "en")]
    public async Task Page_HasNoSeriousOrCriticalViolations(string path, string language)
    {
        var page = await _fixture.NewPageAsync();
        if (path is "/upload" or "/audit")
        {
            // Pages for editors and admins: signed in through the login page first.
            await SeededAppWithBrowser.SignInAsync(page);
        }

        await page.GotoAsync(path);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await AssertAccessibleAsync(page, path);
    }

    [Fact]
    public async Task DocumentAndViewerPages_HaveNoSeriousOrCriticalViolations()
    {
        var page = await _fixture.NewPageAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("án lệ"));
        await page.Locator("li.group h3 a").First.ClickAsync();
        await AssertAccessibleAsync(page, page.Url);

        await page.GotoAsync("/?q=" + Uri.EscapeDataString("án lệ"));
        await page.Locator("li.hit a.view").First.ClickAsync();
        await Assertions.Expect(page.Locator("#viewer")).ToHaveAttributeAsync("data-rendered", new System.Text.RegularExpressions.Regex("\\d+"), new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await AssertAccessibleAsync(page, page.Url);
    }

    private async Task AssertAccessibleAsync(IPage page, string what)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        foreach (var violation in results.Violations)
        {
            _output.WriteLine($"{what}: {violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes: {string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html))})");
        }

        Assert.True(serious.Count == 0, $"{what}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }
}
