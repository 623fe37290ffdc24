using KnowledgeBase.Testing;

namespace KnowledgeBase.Ingestion.Tests.Extraction;

/// <summary>
/// The PDFs of the golden-file tests, made with <see cref="TestPdf"/> from text written for these tests.
/// Each is committed as <c>Golden/name.pdf</c> beside <c>Golden/name.expected.txt</c> (pages separated by a
/// form feed, as <c>kb extract --format text</c> prints them).
/// </summary>
internal static partial class GoldenPdfs
{
    public static readonly IReadOnlyDictionary<string, Func<byte[]>> All = new Dictionary<string, Func<byte[]>>(StringComparer.Ordinal)
    {
        ["tcvn3_mixed"] = Tcvn3Mixed,
        ["vni"] = Vni,
        ["two_columns"] = TwoColumns,
        ["running_headers"] = RunningHeaders,
        ["hyphenation"] = Hyphenation,
        ["actualtext"] = ActualText,
    }.Concat(FailureClasses).ToDictionary(StringComparer.Ordinal);

    // A TCVN3 heading in the capitals font, TCVN3 body text, and a Unicode line on the same page.
    private static byte[] Tcvn3Mixed() => new TestPdf()
        .AddPage()
        .Tcvn3(72, 770, 16, "chương 1. giới thiệu chung", capitals: true)
        .Tcvn3(72, 730, 11, "Cải cách hành chính là nhiệm vụ trọng tâm của chính quyền các cấp.")
        .Tcvn3(72, 716, 11, "Người dân được hướng dẫn đầy đủ khi làm thủ tục.")
        .Text(72, 690, 11, "Dòng này viết bằng phông Unicode đặt cạnh văn bản TCVN3.")
        .Build();

    private static byte[] Vni() => new TestPdf()
        .AddPage()
        .Vni(72, 770, 16, "Thiết kế hệ thống số")
        .Vni(72, 730, 11, "Chương 1 trình bày các khái niệm cơ bản về hệ thống số và mạch số.")
        .Vni(72, 716, 11, "Đề cương gồm những mục chính sau đây, được ôn tập cuối chương.")
        .Build();

    // A title across the page, then two columns of eight lines each: the left column is read first.
    private static byte[] TwoColumns()
    {
        var pdf = new TestPdf().AddPage().Text(72, 780, 16, "Báo cáo hai cột về cải cách hành chính");
        string[] left =
        [
            "Cột trái mở đầu bằng việc rà soát", "các thủ tục hành chính ở cấp tỉnh", "và công khai kết quả trên cổng", "thông tin điện tử của tỉnh để người",
            "dân theo dõi. Các sở và ngành phải", "báo cáo định kỳ mỗi quý cho ủy ban", "nhân dân tỉnh về tiến độ thực hiện", "kế hoạch đã được phê duyệt.",
        ];
        string[] right =
        [
            "Cột phải nói về việc ứng dụng công", "nghệ thông tin trong giải quyết hồ", "sơ, giúp rút ngắn thời gian chờ đợi", "và giảm chi phí cho doanh nghiệp.",
            "Một cửa liên thông được mở rộng tới", "cấp huyện và cấp xã trong năm nay,", "kèm theo đào tạo cán bộ tiếp nhận", "hồ sơ tại bộ phận một cửa.",
        ];
        for (var i = 0; i < left.Length; i++)
        {
            pdf.Text(72, 740 - (i * 14), 10, left[i]).Text(320, 740 - (i * 14), 10, right[i]);
        }

        return pdf.Build();
    }

    // Three pages with the same header and a numbered footer: both go, the body stays.
    private static byte[] RunningHeaders()
    {
        var pdf = new TestPdf();
        string[] bodies =
        [
            "Trang đầu nói về mục tiêu của kế hoạch cải cách hành chính giai đoạn mới.",
            "Trang giữa liệt kê các nhiệm vụ cụ thể cho từng sở và ngành.",
            "Trang cuối tổng kết những bài học kinh nghiệm rút ra từ thực tiễn.",
        ];
        for (var p = 0; p < bodies.Length; p++)
        {
            pdf.AddPage()
                .Text(72, 815, 9, "Kinh nghiệm cải cách hành chính cấp tỉnh – 2015")
                .Text(72, 700, 11, bodies[p])
                .Text(290, 30, 9, $"Trang {p + 1}/3");
        }

        return pdf.Build();
    }

    // A word hyphenated at a line end is joined; a dash between words is kept.
    private static byte[] Hyphenation() => new TestPdf()
        .AddPage()
        .Text(72, 760, 11, "Hệ thống quản lý văn bản điện tử giúp các cơ quan xử lý công văn và lưu trữ hồ sơ theo chuẩn docu-")
        .Text(72, 746, 11, "mentation quốc tế, kết nối liên thông Trung ương – địa phương một cách thuận tiện và an toàn cho")
        .Text(72, 732, 11, "người dùng.")
        .Build();

    // Base letters and spacing accents under spans whose /ActualText gives the real syllable, as a PDF writer
    // does for a font without the precomposed glyphs: without /ActualText the text would read "ha`nh".
    private static byte[] ActualText() => new TestPdf()
        .AddPage()
        .Text(72, 760, 11, "Cải cách")
        .ActualText(120, 760, 11, "ha`nh", "hành")
        .ActualText(152, 760, 11, "chi\u00B4nh", "chính")
        .Text(189, 760, 11, "được tiếp tục.")
        .Build();
}
