using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Pdf;

/// <summary>Issue 12: what the failure-class golden PDFs must show beyond their text.</summary>
public sealed class PdfFailureClassTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-pdf-classes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Extract_InlineImageScanPage_NeedsOcr()
    {
        var document = await Extractors.Pdf().ExtractAsync(Path.Combine(TestPaths.GoldenPdfs, "inline_image_scan.pdf"), CancellationToken.None);

        Assert.Equal([PageVerdict.Ok, PageVerdict.NeedsOcr], document.Pages.Select(p => p.Verdict));
    }

    [Fact]
    public async Task Extract_PageOfPaintedPathsWithoutText_NeedsOcrButARuledPageIsEmpty()
    {
        var path = Write("paths.pdf", new TestPdf().AddPage().FilledSquares(40).AddPage().FilledSquares(2).Build());

        var document = await Extractors.Pdf().ExtractAsync(path, CancellationToken.None);

        Assert.Equal([PageVerdict.NeedsOcr, PageVerdict.Empty], document.Pages.Select(p => p.Verdict));
    }

    [Fact]
    public async Task Extract_Tcvn3LookalikeMaps_AreRepairedNotGarbled()
    {
        var document = await Extractors.Pdf().ExtractAsync(Path.Combine(TestPaths.GoldenPdfs, "tcvn3_variants.pdf"), CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal((ExtractionMethod.LegacyTcvn3, PageVerdict.Repaired), (page.Method, page.Verdict));
    }

    [Fact]
    public async Task Extract_IdenticalPages_EveryPageKeepsItsText()
    {
        var document = await Extractors.Pdf().ExtractAsync(Path.Combine(TestPaths.GoldenPdfs, "identical_pages.pdf"), CancellationToken.None);

        Assert.Equal(20, document.Pages.Count);
        Assert.All(document.Pages, p => Assert.Equal(PageVerdict.Ok, p.Verdict));
    }

    [Fact]
    public async Task Extract_WordFileNameAsMetadataTitle_TitleIsTheTwoLineHeadingNotTheChapter()
    {
        var document = await Extractors.Pdf().ExtractAsync(Path.Combine(TestPaths.GoldenPdfs, "title_two_lines.pdf"), CancellationToken.None);

        Assert.Equal("QUY ĐỊNH VÀ HƯỚNG DẪN TRÌNH BÀY BÁO CÁO ĐỒ ÁN TỐT NGHIỆP", document.Title);
    }

    [Fact]
    public async Task Extract_BookOpeningOnChapter_TitleIsItsRunningTitle()
    {
        var document = await Extractors.Pdf().ExtractAsync(Path.Combine(TestPaths.GoldenPdfs, "book_running_title.pdf"), CancellationToken.None);

        Assert.Equal("Thiết Kế Hệ Thống Số", document.Title);
        Assert.DoesNotContain(document.Pages, p => p.Text.Contains("Thiết Kế", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extract_ChapterUnderASmallInstitutionHeader_TitleStaysTheChapter()
    {
        var path = Write("institution.pdf", GoldenPdfs.BookOpeningOnChapter(9));

        var document = await Extractors.Pdf().ExtractAsync(path, CancellationToken.None);

        Assert.Equal("Chương 1. CÁC KHÁI NIỆM CƠ BẢN", document.Title);
    }

    [Theory]
    [InlineData("Giáo trình Xác suất thống kê", "Giáo trình Xác suất thống kê")]
    [InlineData("Untitled", "Thông báo lịch thi học kỳ")]
    [InlineData("de_thi_2019.pdf", "Thông báo lịch thi học kỳ")]
    public async Task Extract_MetadataTitle_UsedOnlyWhenRealText(string metadata, string expected)
    {
        var path = Write("titled.pdf", new TestPdf().Title(metadata).AddPage()
            .Text(72, 780, 16, "Thông báo lịch thi học kỳ").Text(72, 740, 11, "Sinh viên xem phòng thi trên cổng thông tin đào tạo.").Build());

        var document = await Extractors.Pdf().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(expected, document.Title);
    }

    [Fact]
    public async Task Extract_TableWithNarrowColumns_StaysRowsThoughTwoColumnProseIsSplit()
    {
        // A truth table whose two cell columns are 0.6 em apart, as close as pdfTeX's columns: aligned, but not
        // prose, so each row reads across.
        var pdf = new TestPdf().AddPage().Text(72, 780, 12, "Bảng thực trị");
        string[] rows = ["00 01 x0 y0", "01 10 x1 y1", "10 11 x2 y0", "11 00 x3 y1", "00 11 x4 y0", "01 01 x5 y1"];
        for (var i = 0; i < rows.Length; i++)
        {
            pdf.Text(72, 750 - (i * 14), 10, rows[i][..5]).Text(103, 750 - (i * 14), 10, rows[i][6..]);
        }

        var document = await Extractors.Pdf().ExtractAsync(Write("table.pdf", pdf.Build()), CancellationToken.None);

        var text = Assert.Single(document.Pages).Text;
        Assert.Equal(rows, rows.OrderBy(r => text.IndexOf(r, StringComparison.Ordinal)));
        Assert.All(rows, r => Assert.Contains(r, text, StringComparison.Ordinal));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
