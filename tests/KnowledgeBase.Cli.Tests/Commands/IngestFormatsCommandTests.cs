using KnowledgeBase.Testing;

namespace KnowledgeBase.Cli.Tests.Commands;

/// <summary>
/// Issue 12: <c>kb ingest</c> of a folder with the new formats, extracted in the isolated worker processes (the
/// default isolation): the good file is indexed whatever its name, the broken ones fail with their reasons.
/// </summary>
public sealed class IngestFormatsCommandTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kb-cli-formats-" + Guid.NewGuid().ToString("N"));
    private readonly string _files = Directory.CreateTempSubdirectory("kb-cli-formats-files-").FullName;

    public void Dispose()
    {
        Directory.Delete(_files, recursive: true);
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Ingest_FolderOfNewFormats_InTheWorkerProcesses()
    {
        TestOdt.Write(Path.Combine(_files, "quy-che-luu-tru.dat"), "<text:h text:outline-level=\"1\">Quy chế lưu trữ hồ sơ</text:h><text:p>Hồ sơ được số hoá và bảo quản tại kho lưu trữ cơ quan.</text:p>");
        await File.WriteAllBytesAsync(Path.Combine(_files, "hong.pptx"), "PK\u0003\u0004\u0014\0\0\0ppt/presentation.xml not really a zip"u8.ToArray());
        await File.WriteAllBytesAsync(Path.Combine(_files, "hong.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48]);

        var (code, output, error) = await KbProcess.RunAsync("--data", _data, "ingest", _files);

        Assert.True(code == 2, error + output);
        Assert.Contains("1 indexed, 0 duplicate, 2 failed", output, StringComparison.Ordinal);
        Assert.Contains("not a readable PowerPoint", output, StringComparison.Ordinal);
        Assert.Contains("image could not be decoded", output, StringComparison.Ordinal);
        var (_, found, _) = await KbProcess.RunAsync("--data", _data, "search", "kho luu tru", "--json");
        Assert.Contains("\"kind\":\"open_document\"", found.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
