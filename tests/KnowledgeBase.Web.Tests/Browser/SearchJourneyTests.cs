using System.Text.RegularExpressions;
using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeBase.Web.Tests.Browser;

/// <summary>A person searching without accents in a real browser against the real app.</summary>
[Collection(BrowserTests.Name)]
public sealed class SearchJourneyTests : IClassFixture<SeededAppWithBrowser>
{
    private static readonly string[] MarkedWords = ["the", "chap"];
    private readonly SeededAppWithBrowser _fixture;

    public SearchJourneyTests(SeededAppWithBrowser fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task SearchWithoutAccents_SeesHighlightedPassage_AndOpensTheOriginal()
    {
        var page = await _fixture.NewPageAsync(1200, 900);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Combobox, new PageGetByRoleOptions { Name = "Tìm kiếm tài liệu" }).FillAsync("cai cach hanh chinh");
        await page.Keyboard.PressAsync("Enter");

        var first = page.Locator("li.hit").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("li.group h3").First).ToContainTextAsync("cải cách hành chính");
        var marks = await first.Locator("mark").AllInnerTextsAsync();
        Assert.Contains(marks, m => m.Equals("cải", StringComparison.OrdinalIgnoreCase));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("search-without-accents"), FullPage = true });

        var popupTask = page.Context.WaitForPageAsync();
        await first.Locator("a.open").ClickAsync();
        var original = await popupTask;
        await original.WaitForLoadStateAsync();
        Assert.Matches(new Regex("/documents/[0-9a-f]{16}/file"), original.Url);
        Assert.Contains("Sau hơn bốn năm thực hiện chương trình", await original.ContentAsync(), StringComparison.Ordinal);

        // "Read this passage in place": the reader view marks the passage and the query's words in it.
        await first.Locator("a.view").ClickAsync();
        await Assertions.Expect(page.Locator("#reader .passage.current")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reader .passage.current mark").First).ToBeVisibleAsync();
        var marked = await page.Locator("#reader .passage.current mark").AllInnerTextsAsync();
        Assert.Contains(marked, m => m.Equals("cải", StringComparison.OrdinalIgnoreCase));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("reader-passage") });
    }

    [Fact]
    public async Task SearchCourtPrecedent_ShowsItsPage_AndOpensThePdfAtThatPage()
    {
        var page = await _fixture.NewPageAsync();
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("hợp đồng thế chấp"));

        var first = page.Locator("li.hit").First;
        await Assertions.Expect(page.Locator("li.group").First.Locator(".badge")).ToHaveTextAsync("PDF");
        var meta = await first.Locator(".hit-meta").InnerTextAsync();
        var pageNumber = int.Parse(Regex.Match(meta, @"Trang (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var link = first.Locator("a.open");
        await Assertions.Expect(link).ToHaveTextAsync($"Mở bản gốc tại trang {pageNumber}");
        var href = await link.GetAttributeAsync("href");
        Assert.Matches(new Regex($"^/documents/[0-9a-f]{{16}}/file#page={pageNumber}$"), href);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("search-court-precedent"), FullPage = true });

        var response = await page.APIRequest.GetAsync(href!.Split('#')[0]);
        Assert.True(response.Ok);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.BodyAsync(), 0, 5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenResultInTheViewer_ShowsItsPageWithTheWordsHighlighted()
    {
        var page = await _fixture.NewPageAsync(1100, 1300);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("the chap"));
        var first = page.Locator("li.hit").First;
        var meta = await first.Locator(".hit-meta").InnerTextAsync();
        var pageNumber = Regex.Match(meta, @"Trang (\d+)").Groups[1].Value;

        await first.Locator("a.view").ClickAsync();
        var viewer = page.Locator("#viewer");
        try
        {
            await Assertions.Expect(viewer).ToHaveAttributeAsync("data-rendered", pageNumber, new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException("viewer: " + await viewer.GetAttributeAsync("data-error") + " " + string.Join(" | ", errors), e);
        }

        Assert.Contains($"page={pageNumber}", page.Url, StringComparison.Ordinal);
        var marks = await page.Locator("#viewer-text mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        // A word may be marked in pieces where PDF.js splits it across spans (at a font change).
        Assert.All(marks, m => Assert.Contains(MarkedWords, w => w.Contains(KnowledgeBase.Vietnamese.Text.VietnameseText.Fold(m).ToLowerInvariant(), StringComparison.Ordinal)));
        Assert.True(int.Parse(await viewer.GetAttributeAsync("data-marks") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 10);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("viewer-page-highlighted") });

        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(viewer).Not.ToHaveAttributeAsync("data-rendered", pageNumber);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Cite_CopiesThePassageWithItsSource()
    {
        var page = await _fixture.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = _fixture.App.BaseAddress.ToString().TrimEnd('/') });
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("hợp đồng thế chấp"));

        var first = page.Locator("li.hit").First;
        await first.Locator("button.cite").ClickAsync();
        await Assertions.Expect(first.Locator("button.cite")).ToHaveTextAsync("Đã chép trích dẫn");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

        Assert.StartsWith("“", copied, StringComparison.Ordinal);
        Assert.Contains("Hội đồng Thẩm phán Tòa án nhân dân tối cao, Án lệ số 43/2021/AL", copied, StringComparison.Ordinal);
        Assert.Contains("(2021), tr. ", copied, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"http://127\.0\.0\.1:\d+/documents/[0-9a-f]{16}/file#page=\d+$"), copied);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("cite-copied") });
    }

    [Fact]
    public async Task KeyboardOnly_SearchAndOpenAResult()
    {
        var page = await _fixture.NewPageAsync();
        await page.GotoAsync("/documents");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("a.skip-link")).ToBeFocusedAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("an le so 55");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("li.hit").First).ToBeVisibleAsync();

        // From the search box, Tab reaches the search button, then the first result's title.
        await page.Locator("#q").FocusAsync();
        for (var i = 0; i < 10 && !await page.Locator("li.group h3 a").First.EvaluateAsync<bool>("a => a === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(page.Locator("li.group h3 a").First).ToBeFocusedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("keyboard-only-search") });
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/documents/[0-9a-f]{16}$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Án lệ số 55/2022/AL");
    }
}
