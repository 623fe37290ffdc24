using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Extraction.Html;
using KnowledgeBase.Ingestion.Extraction.Ocr;
using KnowledgeBase.Testing;
using KnowledgeBase.Vietnamese.Syllables;

namespace KnowledgeBase.Ingestion.Tests.Extraction;

/// <summary>Extraction fidelity over the evaluation data in ../shared/data (skipped where it is absent).</summary>
public sealed class SharedDataExtractionTests
{
    [SharedDataTheory]
    [InlineData("legacy_tcvn3/utc_de_thi_ktmt_vntime.pdf", ExtractionMethod.LegacyTcvn3)]
    [InlineData("legacy_vni/hcmut_he_thong_so_c123_vni.pdf", ExtractionMethod.LegacyVni)]
    public async Task Extract_LegacyPdf_AtLeast98PercentValidSyllables(string file, ExtractionMethod method)
    {
        var document = await Extractors.Pdf().ExtractAsync(TestPaths.InSharedData("pdf", file), CancellationToken.None);

        var share = SyllableStatistics.Measure(string.Join("\n", document.Pages.Select(p => p.Text))).ValidShare;
        Assert.True(share >= 0.98, $"valid-syllable share {share:P2}");
        Assert.True(document.Pages.Count(p => p.Method == method) >= document.Pages.Count - 1);
        Assert.All(document.Pages.Where(p => p.Method == method), p => Assert.Equal(PageVerdict.Repaired, p.Verdict));
    }

    [SharedDataTheory]
    [InlineData("an_le_so_432021AL.pdf")]
    [InlineData("an_le_so_552022AL.pdf")]
    [InlineData("utc_bai_tap_xstk_latex_vntex.pdf")]
    [InlineData("utc_quy_dinh_trinh_bay_datn_signed.pdf")]
    public async Task Extract_UnicodePdf_NoRepairAndNoLossAgainstPdftotext(string file)
    {
        var document = await Extractors.Pdf().ExtractAsync(TestPaths.InSharedData("pdf", "unicode", file), CancellationToken.None);
        var reference = await File.ReadAllTextAsync(TestPaths.InSharedData("pdf", "pdftotext_out", file + ".txt"));

        Assert.All(document.Pages, p => Assert.Equal(PageVerdict.Ok, p.Verdict));
        Assert.All(document.Pages, p => Assert.DoesNotContain(p.Method, new[] { ExtractionMethod.LegacyTcvn3, ExtractionMethod.LegacyVni }));
        var ours = Words(string.Join("\n", document.Pages.Select(p => p.Text)));
        var theirs = Words(reference);
        var found = theirs.Sum(kv => Math.Min(kv.Value, ours.GetValueOrDefault(kv.Key)));
        var recall = (double)found / theirs.Values.Sum();
        // What is missing is the running headers, footers and page numbers removed on purpose (and a signature stamp).
        Assert.True(recall >= 0.96, $"word recall against pdftotext {recall:P2}");
    }

    [SharedDataFact]
    public async Task Extract_LatexType3WithoutUnicodeMap_IsFlaggedGarbledNotRepaired()
    {
        var document = await Extractors.Pdf().ExtractAsync(TestPaths.InSharedData("pdf", "legacy_latex_t5", "utc_bai_tap_xstk_k58_latex_type3_garbled.pdf"), CancellationToken.None);

        Assert.True(document.Pages.Count(p => p.Verdict == PageVerdict.Garbled) >= document.Pages.Count - 1);
        Assert.DoesNotContain(document.Pages, p => p.Verdict == PageVerdict.Repaired);
        Assert.Contains(document.Warnings, w => w.Contains("garbled", StringComparison.Ordinal));
    }

    [SharedDataFact]
    public async Task Extract_ScannedPdf_FirstPageIsReadByOcr()
    {
        Assert.True(ExternalProgram.Locate("pdftoppm") is not null && ExternalProgram.Locate("tesseract") is not null,
            "pdftoppm and tesseract (with tesseract-ocr-vie) are needed: run ./test.sh, which installs them.");
        var ocr = Extractors.Ocr(new ExtractionOptions { OcrDpi = 150 });
        var path = TestPaths.InSharedData("pdf", "scanned", "utc_vl_bai_kiem_tra_nhiet_scan.pdf");

        var result = await ocr.RecognizePdfPageAsync(path, 1, CancellationToken.None);

        Assert.True(result.Status == OcrStatus.Recognized, result.Reason);
        Assert.True(SyllableStatistics.Measure(result.Text).Valid >= 30, result.Text);
    }

    [SharedDataFact]
    public async Task Extract_VnexpressArticle_TokenF1AtLeast095()
    {
        var document = await new HtmlExtractor().ExtractAsync(TestPaths.InSharedData("html", "vnexpress_article_4420519_cong_nhan_mat_viec.html"), CancellationToken.None);
        var reference = await File.ReadAllTextAsync(TestPaths.InSharedData("html", "reference_text", "vnexpress_article_4420519_cong_nhan_mat_viec.txt"));

        var ours = Words(document.Pages[0].Text);
        var theirs = Words(reference);
        var common = theirs.Sum(kv => Math.Min(kv.Value, ours.GetValueOrDefault(kv.Key)));
        var precision = (double)common / ours.Values.Sum();
        var recall = (double)common / theirs.Values.Sum();
        var f1 = 2 * precision * recall / (precision + recall);
        Assert.True(f1 >= 0.95, $"token F1 {f1:F3} (precision {precision:F3}, recall {recall:F3})");
        Assert.Equal("Công nhân mất việc chật vật lo Tết", document.Title);
        Assert.Equal(new DateOnly(2022, 1, 25), document.Date);
        Assert.Equal("https://vnexpress.net/cong-nhan-mat-viec-chat-vat-lo-tet-4420519.html", document.CanonicalUrl);
        Assert.Empty(document.Warnings);
    }

    [SharedDataTheory]
    [InlineData("dantri_homepage_2013.html")]
    [InlineData("dantri_homepage_2019.html")]
    public async Task Extract_HomePage_WarnsInsteadOfInventingAnArticle(string file)
    {
        var document = await new HtmlExtractor().ExtractAsync(TestPaths.InSharedData("html", file), CancellationToken.None);

        Assert.Equal(HtmlExtractor.NoArticleWarning, Assert.Single(document.Warnings));
        Assert.Empty(document.Pages.SelectMany(p => p.Blocks));
    }

    [SharedDataFact]
    public async Task Extract_ArticleFragment_DropsRelatedLinksCaptionsAndTeasers()
    {
        var document = await new HtmlExtractor().ExtractAsync(TestPaths.InSharedData("html", "vietnamnet_baochinhphu_article_fragment.html"), CancellationToken.None);

        var text = document.Pages[0].Text;
        Assert.StartsWith("Tập trung bảo đảm kỹ thuật", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tổng Bí thư, Chủ tịch nước chủ trì phiên họp", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ảnh QĐND", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chia sẻ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("chủ trì giao ban đầu Xuân", text, StringComparison.Ordinal);
    }

    private static Dictionary<string, int> Words(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text.Normalize().ToLowerInvariant(), @"\w+"))
        {
            counts[match.Value] = counts.GetValueOrDefault(match.Value) + 1;
        }

        return counts;
    }
}
