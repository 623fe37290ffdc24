using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Web.Localization;
using KnowledgeBase.Web.Models;

namespace KnowledgeBase.Web.Tests.Pages;

/// <summary>Issue 12: the document page's quality table collapses runs of identical rows and names methods in words.</summary>
public sealed class PageQualityRowTests
{
    [Fact]
    public void Collapse_RunsOfSamePagesBecomeOneRow()
    {
        var pages = Enumerable.Range(1, 59).Select(n => Page(n, ExtractionMethod.LegacyTcvn3, PageVerdict.Repaired, 1.0))
            .Append(Page(60, ExtractionMethod.TextLayer, PageVerdict.Ok, 0.98))
            .Append(Page(61, ExtractionMethod.Ocr, PageVerdict.OcrPoor, 0.69))
            .Append(Page(62, ExtractionMethod.Ocr, PageVerdict.OcrPoor, 0.70));

        var rows = PageQualityRow.Collapse(pages);

        Assert.Equal(
            [("1–59", ExtractionMethod.LegacyTcvn3, (int?)100), ("60", ExtractionMethod.TextLayer, 98), ("61", ExtractionMethod.Ocr, 69), ("62", ExtractionMethod.Ocr, 70)],
            rows.Select(r => (r.Pages, r.Method, r.Percent)));
    }

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
