using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Ingestion.Tests.Catalog;

/// <summary>A catalog in a temporary file with its stores, and the rows the store tests build; the file goes on dispose.</summary>
internal sealed class TemporaryCatalog : IDisposable
{
    /// <param name="prepare">Writes the file before the catalog opens it (an existing catalog); default: none, a new one.</param>
    public TemporaryCatalog(Action<string>? prepare = null)
    {
        prepare?.Invoke(Path);
        Database = new CatalogDatabase(Path);
        Documents = new DocumentStore(Database);
        Jobs = new JobStore(Database);
        Settings = new SettingStore(Database);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kb-catalog-{Guid.NewGuid():N}.db");

    public CatalogDatabase Database { get; }

    public DocumentStore Documents { get; }

    public JobStore Jobs { get; }

    public SettingStore Settings { get; }

    public static ExtractedPage Page(int number, string text) => new() { Number = number, Blocks = [new TextBlock(text)] };

    public static DocumentInfo Document(string id) => new()
    {
        Id = id,
        Title = "Tài liệu " + id,
        Kind = DocumentKind.Pdf,
        ContentHash = id + new string('0', 48),
        ContentType = "application/pdf",
        FileName = "a.pdf",
        Source = "upload",
        PageCount = 2,
        SizeBytes = 1234,
        AddedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero),
    };

    public JobInfo NewJob(string seed) =>
        Jobs.Create(seed.PadLeft(64, 'f'), DocumentKind.Text, seed + ".txt", "test", new IntakeMetadata());

    /// <summary>The raw text of one column of one row, as SQLite holds it: what the on-disk format is.</summary>
    public string? RawText(string sql)
    {
        using var connection = new SqliteConnection("Data Source=" + Path);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() switch
        {
            null or DBNull => null,
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
