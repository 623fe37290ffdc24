using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Extraction.Word;
using KnowledgeBase.Testing;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>Issue 12: Word 97–2003 (.doc) files, written by LibreOffice once for the class, read through antiword.</summary>
public sealed class LegacyWordTests(LegacyWordTests.Files files) : IClassFixture<LegacyWordTests.Files>
{
    private static readonly string[] Paragraphs =
    [
        "Quyết định về việc ban hành quy chế công tác văn thư",
        "Người dân được hướng dẫn đầy đủ khi làm thủ tục tại bộ phận một cửa của Ủy ban nhân dân.",
        "Các cơ quan, tổ chức có trách nhiệm lưu trữ hồ sơ và bảo quản tài liệu theo quy định hiện hành.",
        "Quyết định này có hiệu lực kể từ ngày ký.",
    ];

    [Fact]
    public async Task Doc_MadeByLibreOffice_ReadsVietnameseParagraphsAndTableRows()
    {
        var document = await Extractor().ExtractAsync(files.Doc, CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal([.. Paragraphs, "Việc | Đơn vị", "Số hoá | Văn phòng"], page.Blocks.Select(b => b.Text));
        Assert.Equal((ExtractionMethod.TextLayer, PageVerdict.Ok), (page.Method, page.Verdict));
        Assert.Equal(DocumentKind.LegacyWord, await FormatDetector.DetectAsync(files.Doc));
    }

    [Fact]
    public async Task Doc_TitleAuthorAndDate_FromSummaryInformation()
    {
        var document = await Extractor().ExtractAsync(files.Doc, CancellationToken.None);
        var withoutProperties = await Extractor().ExtractAsync(files.ShortDoc, CancellationToken.None);

        Assert.Equal(("Quy chế công tác văn thư năm 2024", "Trần Thị Bình", new DateOnly(2024, 3, 5)), (document.Title, document.Author, document.Date));
        Assert.Null(withoutProperties.Title); // the file name is used instead
        Assert.True(CompoundFile.TryOpen(files.Doc)!.HasStream(OleSummaryInformation.StreamName));
    }

    [Fact]
    public async Task Doc_InTcvn3_TitleAndAuthorRepairedLikeTheBody()
    {
        var document = await Extractor().ExtractAsync(files.Tcvn3Doc, CancellationToken.None);

        Assert.Equal(ExtractionMethod.LegacyTcvn3, Assert.Single(document.Pages).Method);
        Assert.Contains("bảo quản tài liệu", document.Pages[0].Text, StringComparison.Ordinal);
        Assert.Equal(("Quy chế công tác văn thư năm 2024", "Trần Thị Bình"), (document.Title, document.Author));
    }

    [Fact]
    public async Task Doc_TooShortForAntiword_IsReadByCatdoc()
    {
        var document = await Extractor().ExtractAsync(files.ShortDoc, CancellationToken.None);
        var withoutCatdoc = await Assert.ThrowsAsync<ExtractionException>(() => Extractor(new ExtractionOptions { CatdocPath = "/nonexistent/catdoc" }).ExtractAsync(files.ShortDoc, CancellationToken.None));

        Assert.Equal("Kính gửi: Sở Nội vụ", Assert.Single(document.Pages).Text);
        Assert.Contains("too small", withoutCatdoc.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doc_WithoutAntiword_FailsNamingTheProgram()
    {
        var extractor = Extractor(new ExtractionOptions { AntiwordPath = "/nonexistent/antiword" });

        var error = await Assert.ThrowsAsync<ExtractionException>(() => extractor.ExtractAsync(files.Doc, CancellationToken.None));

        Assert.Contains("'/nonexistent/antiword', which is not installed here (Debian package antiword)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doc_TruncatedOrEmpty_FailsWithAReason()
    {
        var truncated = Path.Combine(files.Folder, "truncated.doc");
        await File.WriteAllBytesAsync(truncated, (await File.ReadAllBytesAsync(files.Doc))[..3000]);
        var empty = Path.Combine(files.Folder, "empty.doc");
        await File.WriteAllBytesAsync(empty, []);

        var broken = await Assert.ThrowsAsync<ExtractionException>(() => Extractor().ExtractAsync(truncated, CancellationToken.None));
        var nothing = await Assert.ThrowsAsync<ExtractionException>(() => Extractor().ExtractAsync(empty, CancellationToken.None));

        Assert.StartsWith("The Word 97–2003 file could not be read: ", broken.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(files.Folder, broken.Message, StringComparison.Ordinal);
        Assert.Contains("empty", nothing.Message, StringComparison.Ordinal);
    }

    private static LegacyWordExtractor Extractor(ExtractionOptions? options = null) => new(Options.Create(options ?? new ExtractionOptions()));

    /// <summary>The .doc, converted once (LibreOffice takes seconds to start).</summary>
    public sealed class Files : IAsyncLifetime
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("kb-doc-").FullName;

        public string Doc { get; private set; } = string.Empty;

        /// <summary>One short line: antiword refuses it as "too small to handle".</summary>
        public string ShortDoc { get; private set; } = string.Empty;

        /// <summary>Body, title and author typed in a TCVN3 font (the bytes, as Latin-1 letters).</summary>
        public string Tcvn3Doc { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var odt = Path.Combine(Folder, "quy-che.fodt");
            TestOdt.WriteFlat(odt, string.Concat(Paragraphs.Select(p => $"<text:p>{p}</text:p>")) +
                "<table:table><table:table-column table:number-columns-repeated=\"2\"/><table:table-row><table:table-cell><text:p>Việc</text:p></table:table-cell><table:table-cell><text:p>Đơn vị</text:p></table:table-cell></table:table-row>" +
                "<table:table-row><table:table-cell><text:p>Số hoá</text:p></table:table-cell><table:table-cell><text:p>Văn phòng</text:p></table:table-cell></table:table-row></table:table>",
                meta: "<dc:title>Quy chế công tác văn thư năm 2024</dc:title><meta:initial-creator>Trần Thị Bình</meta:initial-creator><meta:creation-date>2024-03-05T09:00:00</meta:creation-date>");
            Doc = await TestDoc.FromOdtAsync(odt);
            var shortOdt = Path.Combine(Folder, "ngan.fodt");
            TestOdt.WriteFlat(shortOdt, "<text:p>Kính gửi: Sở Nội vụ</text:p>");
            ShortDoc = await TestDoc.FromOdtAsync(shortOdt);
            var tcvn3Odt = Path.Combine(Folder, "quy-che-tcvn3.fodt");
            string[] body =
            [
                "Các cơ quan, tổ chức có trách nhiệm lưu trữ hồ sơ và bảo quản tài liệu theo quy định hiện hành.",
                "Quyết định này có hiệu lực kể từ ngày ký, các đơn vị có liên quan chịu trách nhiệm thi hành quyết định này.",
            ];
            TestOdt.WriteFlat(tcvn3Odt, string.Concat(body.Select(p => $"<text:p>{Tcvn3(p)}</text:p>")),
                meta: $"<dc:title>{Tcvn3("Quy chế công tác văn thư năm 2024")}</dc:title><meta:initial-creator>{Tcvn3("Trần Thị Bình")}</meta:initial-creator>");
            Tcvn3Doc = await TestDoc.FromOdtAsync(tcvn3Odt);
        }

        private static string Tcvn3(string unicode) => System.Text.Encoding.Latin1.GetString(TestPdf.LegacyEncoder.ToTcvn3(unicode));

        public Task DisposeAsync()
        {
            Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }
    }
}
