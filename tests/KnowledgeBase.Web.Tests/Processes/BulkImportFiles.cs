using System.Globalization;
using System.Text;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Web.Tests.Processes;

/// <summary>What a file of the bulk import is, and so how its job must end.</summary>
public enum Expectation
{
    Indexed,
    Duplicate,
    Failed,
    TooSlow,
    Refused,
}

/// <summary>One file of the bulk import: name, bytes, how it must end, and a word only it contains.</summary>
public sealed record BulkFile(string Name, byte[] Bytes, Expectation Expected, string? Marker = null);

/// <summary>
/// The 200 files of the bulk-import test: valid text, HTML and PDF files (each with a unique marker word),
/// duplicates, corrupt, encrypted, empty and zero-page files, and PDFs too long to extract in the time limit.
/// </summary>
public static class BulkImportFiles
{
    public static IReadOnlyList<BulkFile> Create()
    {
        var files = new List<BulkFile>();
        for (var i = 0; i < 140; i++)
        {
            var marker = Marker(i);
            files.Add(new BulkFile($"bien-ban-{i:D3}.txt", Encoding.UTF8.GetBytes(
                $"Biên bản họp số {i} về kế hoạch cải cách hành chính năm {2010 + (i % 15)}.\n\n" +
                $"Mã hồ sơ {marker}. Ủy ban nhân dân huyện thống nhất rà soát thủ tục hành chính, giảm thời gian giải quyết hồ sơ và công khai kết quả cho người dân."),
                Expectation.Indexed, marker));
        }

        for (var i = 140; i < 150; i++)
        {
            var marker = Marker(i);
            files.Add(new BulkFile($"bai-viet-{i}.html", Encoding.UTF8.GetBytes(
                $"<!DOCTYPE html><html><head><title>Bài viết {i}</title></head><body><nav><a href='/'>Trang chủ</a></nav><article><h1>Bài viết số {i}</h1>" +
                $"<p>Tỉnh đẩy mạnh dịch vụ công trực tuyến mức độ bốn, mã bài {marker}, để người dân nộp hồ sơ mọi lúc mọi nơi, giảm chi phí đi lại.</p>" +
                "<p>Sở Nội vụ theo dõi, đánh giá chỉ số cải cách hành chính của các sở, ngành và địa phương hằng năm.</p></article></body></html>"),
                Expectation.Indexed, marker));
        }

        for (var i = 150; i < 160; i++)
        {
            var marker = Marker(i);
            var pdf = new TestPdf().AddPage()
                .Text(72, 720, 12, $"Báo cáo số {i} về chỉ số PAR INDEX")
                .Text(72, 700, 12, $"Mã báo cáo {marker} của Sở Nội vụ tỉnh.")
                .Build();
            files.Add(new BulkFile($"bao-cao-{i}.pdf", pdf, Expectation.Indexed, marker));
        }

        for (var i = 0; i < 15; i++)
        {
            files.Add(new BulkFile($"ban-sao-{i}.txt", files[i].Bytes, Expectation.Duplicate));
        }

        for (var i = 0; i < 8; i++)
        {
            files.Add(new BulkFile($"hong-{i}.pdf", Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ngarbage {i} {new string('x', 50 + i)}\n"), Expectation.Failed));
        }

        var encrypted = File.ReadAllBytes(TestPaths.Fixture("encrypted.pdf"));
        for (var i = 0; i < 5; i++)
        {
            files.Add(new BulkFile($"mat-khau-{i}.pdf", [.. encrypted, .. Encoding.ASCII.GetBytes($"\n% copy {i}\n")], Expectation.Failed));
        }

        for (var i = 0; i < 5; i++)
        {
            files.Add(new BulkFile($"rong-{i}.txt", [], Expectation.Refused));
        }

        for (var i = 0; i < 4; i++)
        {
            files.Add(new BulkFile($"khong-trang-{i}.pdf", ZeroPagePdf(i), Expectation.Failed));
        }

        for (var i = 0; i < 3; i++)
        {
            files.Add(new BulkFile($"rat-dai-{i}.pdf", LongPdf(i), Expectation.TooSlow));
        }

        return files;
    }

    /// <summary>A word of letters only, unique per file (e.g. "kbmaab").</summary>
    public static string Marker(int i) =>
        string.Create(CultureInfo.InvariantCulture, $"kbm{(char)('a' + (i / 676))}{(char)('a' + (i / 26 % 26))}{(char)('a' + (i % 26))}");

    private static byte[] ZeroPagePdf(int variant)
    {
        var body = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Obj(string text)
        {
            offsets.Add(body.Length);
            body.Append(text);
        }

        Obj("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        Obj("2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n");
        var xref = body.Length;
        body.Append("xref\n0 3\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            body.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        body.Append(CultureInfo.InvariantCulture, $"trailer << /Size 3 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n% variant {variant}\n");
        return Encoding.ASCII.GetBytes(body.ToString());
    }

    // Far past the extraction time limit however fast extraction gets: 6,000 pages of 300 lines each, all
    // drawing one shared content stream, so the file stays small.
    private static byte[] LongPdf(int variant)
    {
        var pdf = new TestPdf().AddPage();
        for (var line = 0; line < 300; line++)
        {
            pdf.Text(20 + (line % 3), 800 - (line * 2.5), 2, $"Dòng {line} bản {variant}: các tỉnh thực hiện kế hoạch cải cách hành chính hằng năm.");
        }

        return pdf.RepeatPage(5999).Build();
    }
}
