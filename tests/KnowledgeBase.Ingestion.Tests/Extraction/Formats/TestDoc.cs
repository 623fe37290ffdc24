using KnowledgeBase.Ingestion.Extraction;

namespace KnowledgeBase.Ingestion.Tests.Extraction.Formats;

/// <summary>
/// Word 97–2003 files for the tests, written by LibreOffice (headless, installed by scripts/install-test-deps.sh)
/// from a flat .fodt the test makes: a real Word 97 writer, so antiword reads what Word would have saved.
/// </summary>
internal static class TestDoc
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>The .doc converted from <paramref name="odtPath"/> (.fodt), beside it.</summary>
    public static Task<string> FromOdtAsync(string odtPath) => ConvertAsync(odtPath, "doc:MS Word 97", ".doc");

    /// <summary>The PDF LibreOffice prints from <paramref name="odtPath"/> (.fodt), its fonts embedded, beside it.</summary>
    public static Task<string> PdfFromOdtAsync(string odtPath) => ConvertAsync(odtPath, "pdf", ".pdf");

    private static async Task<string> ConvertAsync(string odtPath, string filter, string extension)
    {
        var soffice = ExternalProgram.Locate("soffice")
            ?? throw new InvalidOperationException("LibreOffice (soffice) is not installed: run ./test.sh, which installs the test dependencies.");
        var folder = Path.GetDirectoryName(odtPath)!;
        var profile = new Uri(Path.Combine(folder, "lo-profile")).AbsoluteUri;
        var result = await ExternalProgram.RunAsync(
            soffice,
            ["--headless", "--norestore", $"-env:UserInstallation={profile}", "--convert-to", filter, "--outdir", folder, odtPath],
            Timeout,
            CancellationToken.None);
        var doc = Path.ChangeExtension(odtPath, extension);
        return File.Exists(doc) ? doc : throw new InvalidOperationException($"soffice did not write {doc}: {result.StandardError}");
    }
}
