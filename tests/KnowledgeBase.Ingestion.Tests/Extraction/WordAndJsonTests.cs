using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Extraction.Text;
using KnowledgeBase.Ingestion.Extraction.Word;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Tests.Extraction;

public sealed class WordAndJsonTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-word-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Word_DocumentMadeByTheTest_KeepsHeadingsTableCellsAndVietnamese()
    {
        var path = Path.Combine(_folder, "report.docx");
        using (var word = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }, new StyleParagraphProperties(new OutlineLevel { Val = 0 })) { StyleId = "Heading1", Type = StyleValues.Paragraph },
                new Style(new StyleName { Val = "heading 2" }, new StyleParagraphProperties(new OutlineLevel { Val = 1 })) { StyleId = "Heading2", Type = StyleValues.Paragraph });
            main.Document = new Document(new Body(
                Paragraph("Kế hoạch cải cách hành chính", "Heading1"),
                Paragraph("Mục tiêu", "Heading2"),
                Paragraph("Nâng cao chất lượng phục vụ người dân và doanh nghiệp."),
                new Table(
                    new TableRow(Cell("Nhiệm vụ"), Cell("Đơn vị")),
                    new TableRow(Cell("Rà soát thủ tục"), Cell("Sở Nội vụ"))),
                new Paragraph(new Run(new RunProperties(new RunFonts { Ascii = ".VnTime" }), new Text("Ng\u00ADêi d©n h\u00ADëng lîi.")))));
        }

        var document = await new WordExtractor().ExtractAsync(path, CancellationToken.None);

        var blocks = Assert.Single(document.Pages).Blocks;
        Assert.Equal(new TextBlock("Kế hoạch cải cách hành chính", TextBlockKind.Heading, 1), blocks[0]);
        Assert.Equal(new TextBlock("Mục tiêu", TextBlockKind.Heading, 2), blocks[1]);
        Assert.Equal(new TextBlock("Nâng cao chất lượng phục vụ người dân và doanh nghiệp."), blocks[2]);
        Assert.Equal(new TextBlock("Nhiệm vụ | Đơn vị", TextBlockKind.TableRow), blocks[3]);
        Assert.Equal(new TextBlock("Rà soát thủ tục | Sở Nội vụ", TextBlockKind.TableRow), blocks[4]);
        Assert.Equal("Người dân hưởng lợi.", blocks[5].Text);
        Assert.Equal("Kế hoạch cải cách hành chính", document.Title);
        Assert.Equal(ExtractionMethod.LegacyTcvn3, document.Pages[0].Method);
    }

    [Fact]
    public async Task Word_NotAZip_ThrowsReadableException()
    {
        var path = Path.Combine(_folder, "bad.docx");
        await File.WriteAllBytesAsync(path, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        var error = await Assert.ThrowsAsync<ExtractionException>(() => new WordExtractor().ExtractAsync(path, CancellationToken.None));

        Assert.Contains("not a readable Word document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Tcvn3File_IsRepaired()
    {
        var document = TextExtractor.Extract("C¸c chøc n¨ng c¬ b¶n cña m¸y tÝnh: L\u00ADu tr÷ d÷ liÖu, Xö lý d÷ liÖu.");

        Assert.Equal("Các chức năng cơ bản của máy tính: Lưu trữ dữ liệu, Xử lý dữ liệu.", document.Pages[0].Text);
        Assert.Equal(PageVerdict.Repaired, document.Pages[0].Verdict);
    }

    [Fact]
    public void Json_FullDocument_RoundTripsLosslessly()
    {
        var original = new ExtractedDocument
        {
            Title = "Án lệ số 43",
            Author = "Tòa án",
            Date = new DateOnly(2021, 3, 25),
            CanonicalUrl = "https://example.org/a",
            Language = "vi",
            Warnings = ["Page 2 looks garbled."],
            Pages =
            [
                new ExtractedPage { Number = 1, Blocks = [new TextBlock("Tiêu đề", TextBlockKind.Heading, 1), new TextBlock("a | b", TextBlockKind.TableRow)], Method = ExtractionMethod.LegacyTcvn3, Quality = 0.9871, Verdict = PageVerdict.Repaired },
                new ExtractedPage { Number = 2, Method = ExtractionMethod.Empty, Verdict = PageVerdict.NeedsOcr },
            ],
        };

        var json = ExtractedDocumentJson.Serialize(original);
        var back = ExtractedDocumentJson.Deserialize(json);

        Assert.Equal(json, ExtractedDocumentJson.Serialize(back));
        Assert.Equal(original.Pages[0].Blocks, back.Pages[0].Blocks);
        Assert.Equal(original.Pages[0].Text, back.Pages[0].Text);
        Assert.Equal(0.9871, back.Pages[0].Quality);
        Assert.Equal(PageVerdict.NeedsOcr, back.Pages[1].Verdict);
        Assert.Equal(original.Date, back.Date);
        Assert.Contains("\"method\":\"legacy_tcvn3\"", json, StringComparison.Ordinal);
        Assert.Contains("\"verdict\":\"needs_ocr\"", json, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"Tiêu đề\\n\\na | b\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Malformed_ThrowsExtractionException() =>
        Assert.Throws<ExtractionException>(() => ExtractedDocumentJson.Deserialize("{\"pages\": [{\"number\": \"x\"}]"));

    [Fact]
    public void Services_AddKnowledgeBaseExtraction_RegistersEveryFormatAndValidatesOptions()
    {
        using var services = Build("300");
        var selector = services.GetRequiredService<ExtractorSelector>();
        foreach (var kind in Enum.GetValues<Core.Documents.DocumentKind>())
        {
            Assert.NotNull(selector.For(kind));
        }

        using var badServices = Build("10");
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => badServices.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());
    }

    private static ServiceProvider Build(string dpi)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Extraction:OcrDpi"] = dpi }).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddKnowledgeBaseExtraction().BuildServiceProvider();
    }

    private static Paragraph Paragraph(string text, string? style = null)
    {
        var paragraph = new Paragraph(new Run(new Text(text)));
        if (style is not null)
        {
            paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return paragraph;
    }

    private static TableCell Cell(string text) => new(new Paragraph(new Run(new Text(text))));
}
