using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Ingestion.Tests.Extraction;

/// <summary>
/// Golden files: each <c>Golden/name.pdf</c> extracts to exactly <c>Golden/name.expected.txt</c>. The PDFs are
/// made by <see cref="GoldenPdfs"/>; set KB_REGENERATE_GOLDEN=1 to write them (and review the diff) after
/// changing a generator.
/// </summary>
public sealed class GoldenPdfTests
{
    public static TheoryData<string> Names => [.. GoldenPdfs.All.Keys];

    internal static string Folder => TestPaths.GoldenPdfs;

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Extract_GoldenPdf_MatchesExpectedText(string name)
    {
        var expected = await File.ReadAllTextAsync(Path.Combine(Folder, name + ".expected.txt"));

        var document = await Extractors.Pdf().ExtractAsync(Path.Combine(Folder, name + ".pdf"), CancellationToken.None);

        Assert.Equal(expected.TrimEnd('\n'), string.Join(PageText.PageSeparator, document.Pages.Select(p => p.Text)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Generator_CommittedPdf_IsWhatTheGeneratorMakes(string name)
    {
        var path = Path.Combine(Folder, name + ".pdf");
        var bytes = GoldenPdfs.All[name]();
        if (Environment.GetEnvironmentVariable("KB_REGENERATE_GOLDEN") == "1")
        {
            await File.WriteAllBytesAsync(path, bytes);
        }

        Assert.Equal(await File.ReadAllBytesAsync(path), bytes);
    }

    /// <summary>
    /// A PDF LibreOffice 7 made from <c>Golden/libreoffice_actualtext.fodt</c> (text written for this test; its
    /// middle paragraph typed decomposed): the accented letters come from a fallback font, drawn after the rest
    /// of each line, and sit in <c>/ActualText</c> spans. Made once with
    /// <c>soffice --headless --convert-to pdf libreoffice_actualtext.fodt</c>; LibreOffice is not needed to test.
    /// </summary>
    [Fact]
    public async Task Extract_LibreOfficePdfWithActualText_MatchesExpectedText()
    {
        var expected = await File.ReadAllTextAsync(Path.Combine(Folder, "libreoffice_actualtext.expected.txt"));

        var document = await Extractors.Pdf().ExtractAsync(Path.Combine(Folder, "libreoffice_actualtext.pdf"), CancellationToken.None);

        var page = Assert.Single(document.Pages);
        Assert.Equal(expected.TrimEnd('\n'), page.Text);
        Assert.Equal(ExtractionMethod.ActualText, page.Method);
        Assert.Equal(PageVerdict.Ok, page.Verdict);
        Assert.Equal(TextBlockKind.Heading, page.Blocks[0].Kind);
    }
}
