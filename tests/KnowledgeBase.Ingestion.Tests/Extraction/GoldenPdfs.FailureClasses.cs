using KnowledgeBase.Testing;

namespace KnowledgeBase.Ingestion.Tests.Extraction;

/// <summary>Issue 12: one golden PDF per class of PDF that extraction used to get wrong.</summary>
internal static partial class GoldenPdfs
{
    // A property, not a field: the static fields of the two halves of this class initialise in no set order.
    private static Dictionary<string, Func<byte[]>> FailureClasses => new(StringComparer.Ordinal)
    {
        ["overprinted_bold"] = OverprintedBold,
        ["identical_pages"] = IdenticalPages,
        ["tcvn3_variants"] = Tcvn3Variants,
        ["inline_image_scan"] = InlineImageScan,
        ["title_two_lines"] = TitleTwoLines,
        ["latex_two_columns"] = LatexTwoColumns,
        ["book_running_title"] = () => BookOpeningOnChapter(13),
    };

    // "Fake bold": a heading drawn twice with a small shift, a line drawn four times (shifted right, up and
    // both), and letters that really are doubled ("ll", "iii") drawn once, which must stay.
    private static byte[] OverprintedBold()
    {
        var pdf = new TestPdf().AddPage();
        foreach (var (dx, dy) in new[] { (0.0, 0.0), (0.35, 0.0) })
        {
            pdf.Text(72 + dx, 770 + dy, 16, "Trường đại học quản lý");
        }

        foreach (var (dx, dy) in new[] { (0.0, 0.0), (0.4, 0.0), (0.0, 0.4), (0.4, 0.4) })
        {
            pdf.Text(72 + dx, 740 + dy, 12, "Đề cương học phần lý thuyết");
        }

        return pdf
            .Text(72, 710, 11, "Phụ lục iii của bài tập small: xem thêm tài liệu.")
            .Build();
    }

    // Twenty copies of one short notice, all of it in the top margin band: its lines recur on every page,
    // but the pages hold nothing else, so they are the text, not a running header.
    private static byte[] IdenticalPages() => new TestPdf()
        .AddPage()
        .Text(72, 800, 14, "Thông báo lịch thi học kỳ")
        .Text(72, 780, 11, "Sinh viên xem phòng thi trên cổng thông tin đào tạo.")
        .RepeatPage(19)
        .Build();

    // TCVN3 in three fonts: one whose Unicode map gives Greek mu for à and a minus sign for ư, one whose map
    // gives ư as a soft hyphen, and the map-less .VnTime with real hyphens between Latin words, which stay.
    private static byte[] Tcvn3Variants() => new TestPdf()
        .AddPage()
        .Tcvn3(TestPdf.Tcvn3LookalikeFont, 72, 770, 11, "Đây là hàm và đường thẳng này được vẽ lại.")
        .Tcvn3(TestPdf.Tcvn3SoftHyphenFont, 72, 740, 11, "Người dùng được hướng dẫn cách lưu tệp.")
        .Tcvn3(TestPdf.Tcvn3Font, 72, 710, 11, "Lệnh m-file và tiếp giáp p-n theo Fa-ra-đây, trường hợp đặc biệt.")
        .Build();

    // A scan printed through "Microsoft: Print To PDF": the page is one inline image, no text layer.
    private static byte[] InlineImageScan() => new TestPdf()
        .AddPage()
        .Text(72, 770, 12, "Bản chụp ở trang sau.")
        .AddInlineImagePage()
        .Build();

    // A report whose metadata title is the Word file name: the title is the two-line heading under the running
    // header, not the larger chapter heading above it.
    private static byte[] TitleTwoLines()
    {
        var pdf = new TestPdf().Title("Microsoft Word - quy_dinh_2015.doc");
        string[] bodies =
        [
            "Văn bản này quy định cách trình bày báo cáo đồ án tốt nghiệp của sinh viên.",
            "Mỗi báo cáo có bìa chính, bìa phụ, lời cam đoan và mục lục theo mẫu.",
        ];
        for (var p = 0; p < bodies.Length; p++)
        {
            pdf.AddPage().Text(72, 815, 9, "Trường Đại học Giao thông Vận tải");
            if (p == 0)
            {
                pdf.Text(72, 740, 18, "Chương 1. CÁC KHÁI NIỆM CƠ BẢN")
                    .Text(72, 700, 15, "QUY ĐỊNH VÀ HƯỚNG DẪN TRÌNH BÀY BÁO")
                    .Text(72, 682, 15, "CÁO ĐỒ ÁN TỐT NGHIỆP");
            }

            pdf.Text(72, 640, 11, bodies[p]);
        }

        return pdf.Build();
    }

    // A book (chapters 1–3 of a course) with no metadata title that opens on its first chapter heading and runs
    // its own title above every page at the body size (the VNI book's layout): the title is the running title,
    // not "Chương 1". With the header set small (an institution's line), the chapter heading stays the title.
    internal static byte[] BookOpeningOnChapter(double headerSize)
    {
        var pdf = new TestPdf();
        string[] bodies =
        [
            "Chương này trình bày các dạng biểu diễn trị số và hệ thống số.",
            "Hệ thống kỹ thuật số xử lý tín hiệu ở hai mức rời rạc.",
            "Mạch tổ hợp và mạch tuần tự khác nhau ở thuộc tính nhớ.",
        ];
        for (var p = 0; p < bodies.Length; p++)
        {
            pdf.AddPage().Text(68, 795, headerSize, headerSize < 13 ? "Trường Đại học Bách khoa" : "Thiết Kế Hệ Thống Số");
            if (p == 0)
            {
                pdf.Text(50, 745, 18, "Chương 1. CÁC KHÁI NIỆM CƠ BẢN");
            }

            pdf.Text(68, 700, 13, bodies[p]).Text(68, 683, 13, "Mỗi mục có bài tập ôn ở cuối chương.").Text(270, 30, 10, $"Trang {p + 1}");
        }

        return pdf.Build();
    }
}
