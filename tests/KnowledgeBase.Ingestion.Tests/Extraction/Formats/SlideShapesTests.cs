using DocumentFormat.OpenXml.Presentation;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction.Slides;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>Issue 12, the .pptx edges: nested groups, tables (also in groups), alternate content, layout places, footers, notes per slide.</summary>
public sealed class SlideShapesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-slides-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Pptx_NestedGroupsAndTables_InReadingOrder_NotesAfterEachSlide()
    {
        var path = Path.Combine(_folder, "quy-trinh.pptx");
        new TestPptx()
            .Slide("Quy trình tiếp nhận", "Ghi chú một: nhắc thời hạn.", (500_000, 4_000_000, ["Kết luận: đúng hạn."]))
            .With(
                TestPptx.Table(500_000, 3_000_000, ["Hồ sơ", "Thời hạn"], ["Đăng ký kinh doanh", "3 ngày"]),
                TestPptx.Group(
                    500_000,
                    1_000_000,
                    TestPptx.Box(1_000_000, 3_000_000, "Bước hai: thẩm định"),
                    TestPptx.Group(1_000_000, 1_000_000, TestPptx.Box(5_000_000, 1_000_000, "Bước một b: kiểm tra"), TestPptx.Box(1_000_000, 1_000_000, "Bước một a: nhận hồ sơ"))),
                TestPptx.Placeholder(PlaceholderValues.SlideNumber, "1"),
                TestPptx.Placeholder(PlaceholderValues.Footer, "Sở Nội vụ tỉnh"))
            .Slide("Phân công", "Ghi chú hai.")
            .With(
                TestPptx.Group(500_000, 1_500_000, TestPptx.Table(1_000_000, 1_000_000, ["Việc", "Người"], ["Số hoá", "Chị Lan"])),
                TestPptx.Alternate(500_000, 3_000_000, "Công thức tính phí"),
                TestPptx.Placeholder(PlaceholderValues.Footer, "Sở Nội vụ tỉnh"),
                TestPptx.Placeholder(PlaceholderValues.DateAndTime, "07/12/2026"))
            .Write(path);

        var document = await new PowerPointExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal(
            ["Quy trình tiếp nhận\n\nBước một a: nhận hồ sơ\n\nBước một b: kiểm tra\n\nBước hai: thẩm định\n\nHồ sơ | Thời hạn\n\nĐăng ký kinh doanh | 3 ngày\n\nKết luận: đúng hạn.\n\nSở Nội vụ tỉnh\n\nGhi chú một: nhắc thời hạn.",
             "Phân công\n\nViệc | Người\n\nSố hoá | Chị Lan\n\nCông thức tính phí\n\nGhi chú hai."],
            document.Pages.Select(p => p.Text));
        Assert.Equal([1, 2], document.Pages.Select(p => p.Number));
        Assert.Equal(
            [TextBlockKind.Heading, TextBlockKind.Paragraph, TextBlockKind.Paragraph, TextBlockKind.Paragraph, TextBlockKind.TableRow, TextBlockKind.TableRow],
            document.Pages[0].Blocks.Take(6).Select(b => b.Kind));
    }

    [Fact]
    public async Task Pptx_PlaceholderWithoutAPlace_TakesTheLayouts()
    {
        var path = Path.Combine(_folder, "muc-tieu.pptx");
        new TestPptx { LayoutBodyAt = (500_000, 1_500_000) }
            .Slide("Mục tiêu", null, (500_000, 1_000_000, ["Hộp văn bản trên"]), (500_000, 3_000_000, ["Hộp văn bản dưới"]))
            .With(TestPptx.BodyPlaceholder("Nội dung chính từ bố cục"))
            .Write(path);

        var document = await new PowerPointExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal("Mục tiêu\n\nHộp văn bản trên\n\nNội dung chính từ bố cục\n\nHộp văn bản dưới", Assert.Single(document.Pages).Text);
    }

    [Fact]
    public async Task Pptx_SmartArt_TextOfItsPoints_AtItsPlace()
    {
        var path = Path.Combine(_folder, "so-do.pptx");
        new TestPptx()
            .Slide("Sơ đồ tổ chức", null, (500_000, 4_000_000, ["Ghi chú dưới sơ đồ"]))
            .WithSmartArt(1_500_000, "Giám đốc", "Phòng Hành chính", "Phòng Kế toán")
            .Write(path);

        var document = await new PowerPointExtractor().ExtractAsync(path, CancellationToken.None);

        Assert.Equal("Sơ đồ tổ chức\n\nGiám đốc\n\nPhòng Hành chính\n\nPhòng Kế toán\n\nGhi chú dưới sơ đồ", Assert.Single(document.Pages).Text);
    }
}
