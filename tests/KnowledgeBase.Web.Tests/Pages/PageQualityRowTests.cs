using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Models;

namespace KnowledgeBase.Web.Tests.Pages;

/// <summary>Issue 12: the document page's quality table collapses runs of identical rows and names methods in words.</summary>
public sealed class PageQualityRowTests
{
    [Fact]
    public void Collapse_RunsOfSameMethodAndVerdictBecomeOneRowWithThePercentRange()
    {
        var pages = Enumerable.Range(1, 59).Select(n => Page(n, ExtractionMethod.LegacyTcvn3, PageVerdict.Repaired, n % 7 == 0 ? 0.99 : 1.0))
            .Append(Page(60, ExtractionMethod.TextLayer, PageVerdict.Ok, 0.98))
            .Append(Page(61, ExtractionMethod.Ocr, PageVerdict.OcrPoor, 0.69))
            .Append(Page(62, ExtractionMethod.Ocr, PageVerdict.OcrPoor, 0.70))
            .Append(new ExtractedPage { Number = 63, Method = ExtractionMethod.Empty, Verdict = PageVerdict.Empty });

        var rows = PageQualityRow.Collapse(pages);

        Assert.Equal(
            [("1–59", ExtractionMethod.LegacyTcvn3, "99–100 %"), ("60", ExtractionMethod.TextLayer, "98 %"), ("61–62", ExtractionMethod.Ocr, "69–70 %"), ("63", ExtractionMethod.Empty, "—")],
            rows.Select(r => (r.Pages, r.Method, r.Percent)));
    }

    [Fact]
    public void Collapse_ABookOf113PagesWithVaryingPercentages_PrintsAHandfulOfRows()
    {
        // The VNI book's shape: 112 repaired pages between 97 and 100 %, and an empty last page.
        var pages = Enumerable.Range(1, 112).Select(n => Page(n, ExtractionMethod.LegacyVni, PageVerdict.Repaired, 0.97 + (n % 4 * 0.01)))
            .Append(new ExtractedPage { Number = 113, Method = ExtractionMethod.Empty, Verdict = PageVerdict.Empty });

        var rows = PageQualityRow.Collapse(pages);

        Assert.Equal(["1–112", "113"], rows.Select(r => r.Pages));
        Assert.Equal("97–100 %", rows[0].Percent);
    }

    [Theory]
    [InlineData("vi", "upload", "Tải lên")]
    [InlineData("en", "upload", "Upload")]
    [InlineData("vi", "inbox", "Thư mục nhận")]
    [InlineData("vi", "cli", "Dòng lệnh")]
    [InlineData("en", "https://vnexpress.net/bai-viet-4420519.html", "Imported from URL")]
    [InlineData("vi", "https://vnexpress.net/bai-viet-4420519.html", "Nhập từ URL")]
    [InlineData("vi", "other", "other")]
    public void SourceNames_StoredCodesShowAsWords(string language, string source, string expected)
        => Assert.Equal(expected, UiCulture.In(language, () => SourceNames.Name(new UiText(), source)));

    [Fact]
    public void UiText_EveryMethodAndVerdictHasVietnameseWords()
    {
        var keys = UiText.All.ToDictionary(kv => kv.Key, kv => kv.Value);

        foreach (var name in Enum.GetNames<ExtractionMethod>().Select(n => "Method." + n).Concat(Enum.GetNames<PageVerdict>().Select(n => "Verdict." + n)))
        {
            Assert.True(keys.TryGetValue(name, out var text), name);
            Assert.NotEqual(name, text.Vi);
        }

        Assert.Equal("Sửa mã TCVN3", keys["Method.LegacyTcvn3"].Vi);
    }

    private static ExtractedPage Page(int number, ExtractionMethod method, PageVerdict verdict, double quality) =>
        new() { Number = number, Method = method, Verdict = verdict, Quality = quality };
}
