using KnowledgeBase.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeBase.Web.Tests.Browser;

/// <summary>A member of staff drops two files on the upload page, watches them reach "done" and finds them.</summary>
[Collection(BrowserTests.Name)]
public sealed class UploadJourneyTests : IAsyncLifetime
{
    private readonly AppProcess _app = new(seeds: string.Empty);
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task DragAndDropTwoFiles_BothReachDone_AndAreFoundBySearch()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1000, Height = 900 } });
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Type + ": " + m.Text);
        page.PageError += (_, e) => console.Add("error: " + e);
        await page.GotoAsync("/upload");
        // Uploading needs an editor or admin: the upload page sends to the login page, which comes back.
        await page.Locator("#name").FillAsync(TestAccounts.AdminName);
        await page.Locator("#password").FillAsync(TestAccounts.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/upload");

        var dataTransfer = await page.EvaluateHandleAsync("""
            () => {
                const dt = new DataTransfer();
                dt.items.add(new File(["Quy chế tiếp công dân của Ủy ban nhân dân phường Tân Định, áp dụng từ tháng 3."], "quy-che-tiep-cong-dan.txt", { type: "text/plain" }));
                dt.items.add(new File(["<html><head><title>Hội nghị số hóa hồ sơ</title></head><body><article><h1>Hội nghị số hóa hồ sơ</h1><p>Tỉnh triển khai số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại bộ phận một cửa của các xã, phường, thị trấn trong năm nay.</p><p>Các đơn vị phải hoàn thành việc số hóa trước tháng mười hai, báo cáo kết quả về Sở Nội vụ để tổng hợp, đánh giá chỉ số cải cách hành chính.</p><p>Người dân có thể tra cứu hồ sơ đã số hóa trên cổng dịch vụ công của tỉnh, không phải nộp lại giấy tờ đã có trong kho dữ liệu.</p></article></body></html>"], "hoi-nghi.html", { type: "text/html" }));
                return dt;
            }
            """);
        await page.DispatchEventAsync("#dropzone", "drop", new Dictionary<string, object> { ["dataTransfer"] = dataTransfer });
        await Assertions.Expect(page.Locator("#upload-list li")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Tải lên", Exact = true }).ClickAsync();

        try
        {
            await Assertions.Expect(page.Locator("#upload-list li[data-state='done']")).ToHaveCountAsync(2, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException("Upload list: " + await page.Locator("#upload-list").InnerHTMLAsync() + " console: " + string.Join(" | ", console) + " url: " + page.Url, e);
        }
        Assert.All(await page.Locator("#upload-list progress").AllAsync(), async bar => Assert.Equal("100", await bar.GetAttributeAsync("value")));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("upload-drag-and-drop"), FullPage = true });

        await page.GotoAsync("/?q=" + Uri.EscapeDataString("tiep cong dan"));
        await Assertions.Expect(page.Locator("li.hit").First).ToContainTextAsync("Quy chế tiếp công dân");
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("so hoa ho so"));
        await Assertions.Expect(page.Locator("li.group h3").First).ToHaveTextAsync("Hội nghị số hóa hồ sơ");
    }
}
