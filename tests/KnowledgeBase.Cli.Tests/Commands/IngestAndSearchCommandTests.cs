using System.Text.Json;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Cli.Tests.Commands;

/// <summary><c>kb ingest</c>, <c>kb search</c>, <c>kb delete</c> and <c>kb reindex</c> on a temporary data folder.</summary>
public sealed class IngestAndSearchCommandTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "kb-cli-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var (code, output, error) = await KbProcess.RunAsync("--data", _data, "ingest", TestPaths.Seeds, "--json");
        Assert.True(code == 0, error + output);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Ingest_Json_ReportsEveryFileAndASummary()
    {
        var (code, output, _) = await KbProcess.RunAsync("--data", _data, "ingest", TestPaths.Seeds, "--json");
        using var json = JsonDocument.Parse(output);

        Assert.Equal(0, code);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Contains(files, f => f.GetProperty("path").GetString()!.EndsWith("an_le_so_432021AL.pdf", StringComparison.Ordinal));
        Assert.All(files, f => Assert.Equal("duplicate", f.GetProperty("state").GetString()));
        Assert.Equal(files.Count, json.RootElement.GetProperty("summary").GetProperty("duplicate").GetInt32());
    }

    [Fact]
    public async Task Search_CourtPrecedents_ListsPassagesWithTheirPages()
    {
        var (code, output, _) = await KbProcess.RunAsync("--data", _data, "search", "án lệ", "--top", "5");

        Assert.Equal(0, code);
        Assert.Matches(@"1\. Án lệ số (43/2021|55/2022)/AL.* — page \d+ \(pdf", output);
        Assert.Contains("«", output, StringComparison.Ordinal);
        Assert.Matches(@"/documents/[0-9a-f]{16}/file#page=\d+", output);
    }

    [Fact]
    public async Task Search_Json_HasPagesAndHighlights()
    {
        var (code, output, _) = await KbProcess.RunAsync("--data", _data, "search", "an le", "--json");
        using var json = JsonDocument.Parse(output);

        Assert.Equal(0, code);
        var hit = json.RootElement.GetProperty("hits")[0];
        Assert.Equal("pdf", hit.GetProperty("kind").GetString());
        Assert.True(hit.GetProperty("pageNumber").GetInt32() >= 1);
        Assert.Contains("<mark>", hit.GetProperty("fragmentHtml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_MalformedQuery_ExitsNonZeroWithAMessage()
    {
        var (code, _, error) = await KbProcess.RunAsync("--data", _data, "search", "án lệ OR");

        Assert.Equal(1, code);
        Assert.Contains("OR must stand", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_UnknownFormatAndMissingPath_AreReportedAsFailedWithReasons()
    {
        var junk = Path.Combine(_data, "anh.gif");
        await File.WriteAllBytesAsync(junk, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0, 0, 0, 0, 0, 0]);

        var (code, output, _) = await KbProcess.RunAsync("--data", _data, "ingest", junk, Path.Combine(_data, "khong-co.pdf"));

        Assert.Equal(2, code);
        Assert.Contains("not a PDF, Word (.docx, .doc), OpenDocument (.odt)", output, StringComparison.Ordinal);
        Assert.Contains("No such file or folder", output, StringComparison.Ordinal);
        Assert.Contains("0 indexed, 0 duplicate, 2 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteThenReindex_TheDocumentIsGoneFromSearch()
    {
        var (_, list, _) = await KbProcess.RunAsync("--data", _data, "documents");
        var id = list.Split('\n').First(l => l.Contains("Kinh nghiệm", StringComparison.Ordinal))[..16];

        var (_, before, _) = await KbProcess.RunAsync("--data", _data, "search", "\"triệu Cu ron\"");
        Assert.StartsWith("1 passage\n", before.ReplaceLineEndings("\n"), StringComparison.Ordinal);

        var (deleted, _, _) = await KbProcess.RunAsync("--data", _data, "delete", id);
        var (reindexed, reindexOutput, _) = await KbProcess.RunAsync("--data", _data, "reindex");
        var (_, search, _) = await KbProcess.RunAsync("--data", _data, "search", "\"triệu Cu ron\"");

        Assert.Equal(0, deleted);
        Assert.Equal(0, reindexed);
        // The seeds folder holds three documents and its README.
        Assert.Contains("Rebuilt the index: 3 documents", reindexOutput, StringComparison.Ordinal);
        Assert.Matches(@"Merged it: \d+ segments into 1 in [\d.]+ s\.", reindexOutput);
        Assert.Single(Directory.GetFiles(Path.Combine(_data, "lucene"), "*.si"));
        Assert.StartsWith("0 passages", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reindex_ADocumentWhosePagesCannotBeRead_IsSkippedAndListed_TheRestRebuilt_ExitCode2()
    {
        var (_, list, _) = await KbProcess.RunAsync("--data", _data, "documents");
        var id = list.Split('\n').First(l => l.Contains("Kinh nghiệm", StringComparison.Ordinal))[..16];
        using (var catalog = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data, "catalog.db")};Pooling=False"))
        {
            catalog.Open();
            using var command = catalog.CreateCommand();
            command.CommandText = "UPDATE pages SET blocks = '{not json' WHERE document_id = $id";
            command.Parameters.AddWithValue("$id", id);
            Assert.True(command.ExecuteNonQuery() > 0);
        }

        var (code, output, error) = await KbProcess.RunAsync("--data", _data, "reindex");
        var (_, search, _) = await KbProcess.RunAsync("--data", _data, "search", "án lệ", "--json");

        Assert.Equal(2, code);
        // The seeds folder holds three documents and its README: one skipped.
        Assert.Contains("Rebuilt the index: 3 documents", output, StringComparison.Ordinal);
        Assert.Contains("Skipped 1 documents", error, StringComparison.Ordinal);
        Assert.Contains(id, error, StringComparison.Ordinal);
        Assert.Contains("could not be indexed from the catalog", error, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(search).RootElement.GetProperty("totalHits").GetInt32() > 0);
    }

    [Fact]
    public async Task Backup_TheCopyIsAWorkingDataFolder()
    {
        var destination = Path.Combine(_data, "backups");
        var (code, output, error) = await KbProcess.RunAsync("--data", _data, "backup", destination);
        Assert.True(code == 0, error);

        var copy = Directory.GetDirectories(destination).Single();
        Assert.Contains(copy, output, StringComparison.Ordinal);
        var (searched, results, _) = await KbProcess.RunAsync("--data", copy, "search", "án lệ", "--json");
        Assert.Equal(0, searched);
        Assert.True(JsonDocument.Parse(results).RootElement.GetProperty("totalHits").GetInt32() > 0);
        var (listed, documents, _) = await KbProcess.RunAsync("--data", copy, "documents");
        Assert.Equal(0, listed);
        Assert.Equal(4, documents.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
