using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Extraction.OpenDocument;
using KnowledgeBase.Ingestion.Extraction.Slides;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>Issue 12, formats people have: PowerPoint (.pptx) and OpenDocument (.odt) made by the tests.</summary>
public sealed class SlidesAndOdtTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-formats-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Pptx_OnePagePerSlide_TitleThenBoxesTopToBottom_ThenNotes()
    {
        var path = Pptx(new TestPptx()
            .Slide("Tập huấn nghiệp vụ một cửa", "Giảng viên nhắc học viên mang hồ sơ mẫu.", (500_000, 3_000_000, ["Phần hai: tiếp nhận hồ sơ"]), (500_000, 1_500_000, ["Phần một: quy trình chung", "Thời gian giải quyết"]))
            .Slide("Câu hỏi thảo luận", null, (500_000, 1_500_000, ["Người dân được hướng dẫn như thế nào?"])));

        var document = await new PowerPointExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(2, document.Pages.Count);
        Assert.Equal(
            "Tập huấn nghiệp vụ một cửa\n\nPhần một: quy trình chung\n\nThời gian giải quyết\n\nPhần hai: tiếp nhận hồ sơ\n\nGiảng viên nhắc học viên mang hồ sơ mẫu.",
            document.Pages[0].Text);
        Assert.Equal("Câu hỏi thảo luận\n\nNgười dân được hướng dẫn như thế nào?", document.Pages[1].Text);
        Assert.Equal((2, TextBlockKind.Heading), (document.Pages[1].Number, document.Pages[1].Blocks[0].Kind));
        Assert.All(document.Pages, p => Assert.Equal((ExtractionMethod.TextLayer, PageVerdict.Ok), (p.Method, p.Verdict)));
        Assert.Equal("Tập huấn nghiệp vụ một cửa", document.Title);
    }

    [Fact]
    public async Task Pptx_CorePropertiesTitle_WinsOverTheFirstSlide()
    {
        var path = Pptx(new TestPptx { CoreTitle = "Bài giảng lưu trữ" }.Slide("Mở đầu"));

        var document = await new PowerPointExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal("Bài giảng lưu trữ", document.Title);
    }

    [Fact]
    public async Task Odt_HeadingsListsTablesAndSoftPageBreaks_KeptInOrder()
    {
        var path = Path.Combine(_folder, "quyet-dinh.odt");
        TestOdt.Write(path, title: "Quyết định về công tác văn thư", body:
            "<text:h text:outline-level=\"1\">Điều 1. Phạm vi</text:h>" +
            "<text:p>Quy định này áp dụng<text:s text:c=\"3\"/>cho <text:span>các cơ quan</text:span> nhà nước.<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Chú thích</text:p></text:note-body></text:note></text:p>" +
            "<text:list><text:list-item><text:p>Lưu trữ hồ sơ;</text:p></text:list-item><text:list-item><text:list><text:list-item><text:p>Bảo quản tài liệu.</text:p></text:list-item></text:list></text:list-item></text:list>" +
            "<text:soft-page-break/>" +
            "<text:h text:outline-level=\"2\">Điều 2. Bảng phân công</text:h>" +
            "<table:table><table:table-header-rows><table:table-row><table:table-cell><text:p>Việc</text:p></table:table-cell><table:table-cell><text:p>Đơn vị</text:p></table:table-cell></table:table-row></table:table-header-rows>" +
            "<table:table-row><table:table-cell><text:p>Số hoá</text:p></table:table-cell><table:table-cell><text:p>Văn phòng</text:p></table:table-cell></table:table-row></table:table>" +
            "<text:p>Hiệu lực từ ngày ký<text:soft-page-break/> và thay thế quy định cũ.</text:p><text:p>Nơi nhận: như trên.</text:p>");

        var document = await new OdtExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(
            ["Điều 1. Phạm vi\n\nQuy định này áp dụng cho các cơ quan nhà nước.\n\nLưu trữ hồ sơ;\n\nBảo quản tài liệu.",
             "Điều 2. Bảng phân công\n\nViệc | Đơn vị\n\nSố hoá | Văn phòng\n\nHiệu lực từ ngày ký và thay thế quy định cũ.",
             "Nơi nhận: như trên."],
            document.Pages.Select(p => p.Text));
        Assert.Equal([1, 2, 3], document.Pages.Select(p => p.Number));
        Assert.Equal(
            [TextBlockKind.Heading, TextBlockKind.Paragraph, TextBlockKind.ListItem, TextBlockKind.ListItem],
            document.Pages[0].Blocks.Select(b => b.Kind));
        Assert.Equal(2, document.Pages[1].Blocks[0].Level);
        Assert.Equal(TextBlockKind.TableRow, document.Pages[1].Blocks[1].Kind);
        Assert.Equal(("Quyết định về công tác văn thư", "Nguyễn Văn An", new DateOnly(2024, 3, 5), "vi-VN"), (document.Title, document.Author, document.Date, document.Language));
    }

    [Fact]
    public async Task Odt_FramesTextBoxesAndTables_InPlace_HeaderAndFooterOnce()
    {
        var path = Path.Combine(_folder, "quy-che.odt");
        TestOdt.Write(
            path,
            "<text:h text:outline-level=\"1\">Quy chế làm việc</text:h>" +
            "<text:p>Điều 1 quy định chung.<draw:frame draw:name=\"Khung1\" text:anchor-type=\"paragraph\"><draw:text-box><text:p>Ghi chú trong khung: áp dụng từ năm 2025.</text:p>" +
            "<text:list><text:list-item><text:p>Mục trong khung</text:p></text:list-item></text:list></draw:text-box></draw:frame> Tiếp theo điều 1.</text:p>" +
            "<text:p>Ảnh minh hoạ<draw:frame><draw:image xlink:href=\"Pictures/a.png\"><svg:title>tên tệp ảnh</svg:title></draw:image></draw:frame></text:p>" +
            "<table:table><table:table-row><table:table-cell><text:p>Ô có khung<draw:frame><draw:text-box><text:p>chữ trong ô</text:p></draw:text-box></draw:frame></text:p></table:table-cell>" +
            "<table:table-cell><text:p>Ô hai</text:p></table:table-cell></table:table-row></table:table>" +
            "<draw:frame text:anchor-type=\"page\"><draw:text-box><text:p>Khung neo vào trang</text:p></draw:text-box></draw:frame>" +
            "<text:soft-page-break/><text:p>Trang hai.</text:p>",
            masterStyles:
            "<style:master-page style:name=\"Standard\"><style:header><text:p>CÔNG TY CỔ PHẦN AN BÌNH</text:p></style:header>" +
            "<style:footer><text:p>Tài liệu nội bộ – trang <text:page-number text:select-page=\"current\">1</text:page-number></text:p></style:footer></style:master-page>" +
            "<style:master-page style:name=\"First_20_Page\"><style:header><text:p>CÔNG TY CỔ PHẦN AN BÌNH</text:p></style:header></style:master-page>");

        var document = await new OdtExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(
            ["CÔNG TY CỔ PHẦN AN BÌNH\n\nQuy chế làm việc\n\nĐiều 1 quy định chung. Tiếp theo điều 1.\n\nGhi chú trong khung: áp dụng từ năm 2025.\n\nMục trong khung\n\nẢnh minh hoạ\n\nÔ có khung chữ trong ô | Ô hai\n\nKhung neo vào trang",
             "Trang hai.\n\nTài liệu nội bộ – trang"],
            document.Pages.Select(p => p.Text));
        Assert.Equal(TextBlockKind.ListItem, document.Pages[0].Blocks[4].Kind);
        Assert.Equal("Quy chế làm việc", document.Title);
    }

    [Fact]
    public async Task Odt_WithoutMetaTitle_TakesTheFirstHeading()
    {
        var path = Path.Combine(_folder, "plain.odt");
        TestOdt.Write(path, "<text:p>Mở đầu</text:p><text:h text:outline-level=\"1\">Báo cáo tổng kết</text:h>");

        var document = await new OdtExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal("Báo cáo tổng kết", document.Title);
        Assert.Single(document.Pages);
    }

    [Fact]
    public async Task Detect_ByContent_NotByName()
    {
        var odt = Path.Combine(_folder, "renamed.bin");
        TestOdt.Write(odt, "<text:p>x</text:p>");
        var pptx = Pptx(new TestPptx().Slide("x"), "renamed.zip");

        Assert.Equal(DocumentKind.OpenDocument, await FormatDetector.DetectAsync(odt));
        Assert.Equal(DocumentKind.PowerPoint, await FormatDetector.DetectAsync(pptx));
    }

    [Theory]
    [InlineData("WordDocument", DocumentKind.LegacyWord)]
    [InlineData("EncryptedPackage", DocumentKind.Office)] // a password-protected .docx or .pptx; without its name, which is not known
    [InlineData("Workbook", null)] // an .xls
    public async Task Detect_CompoundFile_ByItsStreamNames(string stream, DocumentKind? expected)
    {
        // The directory entry lies past the first 4 KiB, as in a real file.
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[70_000], .. System.Text.Encoding.Unicode.GetBytes(stream), .. new byte[100]];
        var path = Write("file.bin", bytes);

        Assert.Equal(expected, await FormatDetector.DetectAsync(path));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, DocumentKind.Image)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0 }, DocumentKind.Image)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0, 8, 0 }, DocumentKind.Image)]
    [InlineData(new byte[] { 0x4D, 0x4D, 0, 0x2A, 0, 8 }, DocumentKind.Image)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0 }, null)]
    public void Detect_ImageSignatures(byte[] head, DocumentKind? expected) =>
        Assert.Equal(expected, FormatDetector.Detect(head));

    [Fact]
    public async Task Broken_Files_FailWithAClearReason()
    {
        var odt = Path.Combine(_folder, "a.odt");
        TestOdt.Write(odt, "<text:p>Nội dung</text:p>");
        var truncatedOdt = Write("truncated.odt", File.ReadAllBytes(odt)[..200]);
        var encryptedOdt = Path.Combine(_folder, "secret.odt");
        TestOdt.Write(encryptedOdt, string.Empty, encrypted: true);
        var pptx = Pptx(new TestPptx().Slide("Nội dung"));
        var truncatedPptx = Write("truncated.pptx", File.ReadAllBytes(pptx)[..300]);
        var empty = Write("empty.pptx", []);

        Assert.Contains("not a readable OpenDocument", (await Assert.ThrowsAsync<ExtractionException>(() => new OdtExtractor().ExtractAsync(truncatedOdt, CancellationToken.None))).Message, StringComparison.Ordinal);
        Assert.Contains("password-protected", (await Assert.ThrowsAsync<ExtractionException>(() => new OdtExtractor().ExtractAsync(encryptedOdt, CancellationToken.None))).Message, StringComparison.Ordinal);
        Assert.Contains("not a readable PowerPoint", (await Assert.ThrowsAsync<ExtractionException>(() => new PowerPointExtractor().ExtractAsync(truncatedPptx, CancellationToken.None))).Message, StringComparison.Ordinal);
        Assert.Contains("empty", (await Assert.ThrowsAsync<ExtractionException>(() => new PowerPointExtractor().ExtractAsync(empty, CancellationToken.None))).Message, StringComparison.Ordinal);
    }

    private string Pptx(TestPptx pptx, string name = "slides.pptx")
    {
        var path = Path.Combine(_folder, name);
        pptx.Write(path);
        return path;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
