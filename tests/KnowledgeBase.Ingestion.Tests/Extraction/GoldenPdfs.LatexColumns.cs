using KnowledgeBase.Testing;

namespace KnowledgeBase.Ingestion.Tests.Extraction;

/// <summary>Issue 12, class 9: a two-column article set the way pdfTeX sets it.</summary>
internal static partial class GoldenPdfs
{
    private const double TexSize = 10;
    private const double TexPitch = 12;
    private const double TexIndent = 15;

    // 10 pt text, columns 220 pt wide and 8 pt apart (under an em, as in pdfTeX's two-column classes).
    private const double LeftColumn = 72;
    private const double RightColumn = 300;
    private const double ColumnWidth = 220;

    private static readonly string[][] LeftParagraphs =
    [
        [
            "Nhận dạng chữ viết tay tiếng Việt khó hơn chữ in vì mỗi người viết dấu thanh một kiểu, có khi đặt lệch sang chữ bên cạnh.",
            "Bài này đề xuất một cách ghép dấu với nguyên âm dựa trên khoảng cách và hướng nét bút.",
        ],
        [
            "Dữ liệu gồm ba nghìn trang bài làm của sinh viên, được quét ở độ phân giải cao rồi gán nhãn từng dòng.",
        ],
    ];

    private static readonly string[][] RightParagraphs =
    [
        [
            "Mỗi dòng được tách thành các nét liền, sau đó nét dấu được gán cho nguyên âm gần nhất theo chiều ngang.",
            "Khi hai nguyên âm cách đều nét dấu, quy tắc đặt dấu chính tả quyết định nguyên âm mang dấu.",
        ],
        [
            "Kết quả cho thấy tỷ lệ âm tiết đúng tăng rõ rệt so với cách ghép theo vị trí đơn thuần.",
        ],
    ];

    // A full-width title, authors and abstract, then two justified columns with headings and indented
    // paragraphs, a footnote under the left column and the page number centred in the gutter below.
    private static byte[] LatexTwoColumns()
    {
        var pdf = new TestPdf().AddPage()
            .TexLine(132, 780, 16, "Ghép dấu thanh trong nhận dạng chữ viết tay")
            .TexLine(212, 758, 11, "Nguyễn Văn An, Trần Thị Bình");
        var y = TexColumn(pdf, LeftColumn, 730, 448, 9, null, [["Tóm tắt: bài báo trình bày một phương pháp ghép dấu thanh với nguyên âm cho chữ viết tay tiếng Việt và đánh giá trên dữ liệu thật của sinh viên."]]);
        var top = y - 20;
        var leftEnd = TexColumn(pdf, LeftColumn, top, ColumnWidth, TexSize, "1. Giới thiệu", LeftParagraphs);
        pdf.TexLine(LeftColumn, leftEnd - 8, 8, "¹ Dữ liệu do nhóm tác giả thu thập năm 2024.");
        TexColumn(pdf, RightColumn, top, ColumnWidth, TexSize, "2. Phương pháp", RightParagraphs);
        return pdf.TexLine(293.5, 60, TexSize, "1").Build();
    }

    // Sets paragraphs as justified lines of at most width (the last line of each at its natural width, the first
    // indented after the first paragraph), under an optional heading; returns the baseline below the last line.
    private static double TexColumn(TestPdf pdf, double x, double y, double width, double size, string? heading, string[][] paragraphs)
    {
        if (heading is not null)
        {
            pdf.TexLine(x, y, 12, heading);
            y -= 16;
        }

        var first = true;
        foreach (var paragraph in paragraphs)
        {
            var indent = first ? 0 : TexIndent;
            var lines = BreakLines(string.Join(' ', paragraph), (int)((width - indent) / (size / 2)) - 2);
            for (var i = 0; i < lines.Count; i++)
            {
                var left = x + (i == 0 ? indent : 0);
                pdf.TexLine(left, y, size, lines[i], i == lines.Count - 1 ? 0 : x + width - left);
                y -= size * TexPitch / TexSize;
            }

            first = false;
        }

        return y;
    }

    private static List<string> BreakLines(string text, int maxChars)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > maxChars)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return lines;
    }
}
