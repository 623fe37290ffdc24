using System.CommandLine;
using KnowledgeBase.Cli.Commands;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Cli.Tests.Commands;

public sealed class ExtractCommandTests
{
    private static string Golden(string name) => Path.Combine(TestPaths.GoldenPdfs, name);

    [Fact]
    public async Task Extract_TextFormat_PrintsPagesSeparatedByFormFeed()
    {
        var (code, output, _) = await RunAsync("extract", Golden("running_headers.pdf"));

        Assert.Equal(0, code);
        Assert.Equal(await File.ReadAllTextAsync(Golden("running_headers.expected.txt")), output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(2, output.Count(c => c == '\f'));
    }

    [Fact]
    public async Task Extract_JsonFormat_PrintsTheWholeDocument()
    {
        var (code, output, _) = await RunAsync("extract", Golden("vni.pdf"), "--format", "json");

        Assert.Equal(0, code);
        var document = ExtractedDocumentJson.Deserialize(output);
        var page = Assert.Single(document.Pages);
        Assert.Equal(1, page.Number);
        Assert.StartsWith("Thiết kế hệ thống số", page.Text, StringComparison.Ordinal);
        Assert.Contains("\"method\":\"legacy_vni\"", output, StringComparison.Ordinal);
        Assert.Contains("\"verdict\":\"repaired\"", output, StringComparison.Ordinal);
        Assert.Contains("\"quality\":1", output, StringComparison.Ordinal);
        Assert.Contains("\"warnings\":[]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.pdf", "does not exist")]
    [InlineData("encrypted.pdf", "encrypted")]
    public async Task Extract_BadFile_ExitsNonZeroWithReason(string name, string reason)
    {
        var (code, output, error) = await RunAsync("extract", TestPaths.Fixture(name));

        Assert.Equal(ExtractCommand.CannotExtract, code);
        Assert.Empty(output);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_UnknownFormat_ExitsNonZero()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, [0, 1, 2, 3, 0, 0, 7, 8]);

            var (code, _, error) = await RunAsync("extract", path);

            Assert.Equal(ExtractCommand.CannotExtract, code);
            Assert.Contains("Unknown format", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { ExtractCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
