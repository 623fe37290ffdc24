using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Testing;
using Microsoft.Data.Sqlite;

namespace KnowledgeBase.Ingestion.Tests.Catalog;

/// <summary>
/// The catalog's on-disk format: a catalog written before the stores were split (<c>catalog-v1.sql</c>, made by
/// that code) reads back whole through today's stores, and today's stores write the same text forms.
/// </summary>
public sealed class CatalogFormatTests : IDisposable
{
    private const string Planned = "ad7d54b4e06b5e77";
    private const string Legacy = "b649eaa95a03651a";
    private const string WithWarnings = "0123456789abcdef";

    private readonly TemporaryCatalog _catalog = new(Restore);

    [Fact]
    public void Documents_WrittenBeforeTheSplit_ReadBackWithEveryField()
    {
        var planned = _catalog.Documents.Get(Planned)!;

        Assert.Equal(3, _catalog.Documents.Count());
        Assert.Equal("Kế hoạch cải cách hành chính năm 2016 (sửa đổi)", planned.Title);
        Assert.Equal(DocumentKind.Text, planned.Kind);
        Assert.Equal("Sở Nội vụ", planned.Author);
        Assert.Equal(new DateOnly(2016, 1, 20), planned.Date);
        Assert.Equal(["cải cách hành chính", "kế hoạch"], planned.Tags);
        Assert.Equal("Văn bản", planned.Collection);
        Assert.Equal(DocumentVisibility.Private, planned.Visibility);
        Assert.Equal("https://example.vn/ke-hoach", planned.SourceUrl);
        Assert.Equal("root", planned.AddedBy);
        Assert.Equal(2, planned.Version);
        Assert.Equal(Planned, _catalog.Documents.FindBySourceUrl("https://example.vn/ke-hoach")?.Id);
        Assert.Equal(
            ["ad7d54b4e06b5e7771f33453de6ff9dc96111c8acd2863725bb90de7160aca90", "01f42f058f2211739f115ad43dbe76db66c4a8efe2d9a50154cb8335dcfc5709"],
            _catalog.Documents.GetVersionHashes(Planned));
        Assert.Equal(Planned, _catalog.Documents.FindByHash("ad7d54b4e06b5e7771f33453de6ff9dc96111c8acd2863725bb90de7160aca90")?.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero), _catalog.Documents.Get(WithWarnings)!.AddedAt);
    }

    [Fact]
    public void PagesAndWarnings_WrittenBeforeTheSplit_ReadBack()
    {
        var legacy = Assert.Single(_catalog.Documents.GetPages(Legacy));
        var warned = _catalog.Documents.GetPages(WithWarnings);

        Assert.Equal(ExtractionMethod.LegacyTcvn3, legacy.Method);
        Assert.Equal(PageVerdict.Repaired, legacy.Verdict);
        Assert.Equal(0.9524, legacy.Quality);
        Assert.StartsWith("Cải cách hành chính là nhiệm vụ trọng tâm", legacy.Text, StringComparison.Ordinal);
        Assert.Equal([TextBlockKind.Heading, TextBlockKind.Paragraph], warned[0].Blocks.Select(b => b.Kind));
        Assert.Null(warned[1].Quality);
        Assert.Equal(["Page 2 has no text layer and OCR is switched off."], _catalog.Documents.GetWarnings(WithWarnings));
        var attention = Assert.Single(_catalog.Documents.ListNeedingAttention());
        Assert.Equal(WithWarnings, attention.Document.Id);
        Assert.Equal([2], attention.Pages[PageVerdict.NeedsOcr]);
    }

    [Fact]
    public void JobsAndSettings_WrittenBeforeTheSplit_ReadBack()
    {
        var counts = _catalog.Jobs.CountByState();
        var first = _catalog.Jobs.Get(1)!;
        var waiting = _catalog.Jobs.Get(6)!;

        Assert.Equal((3, 1, 1, 1), (counts[JobState.Done], counts[JobState.Failed], counts[JobState.Duplicate], counts[JobState.Queued]));
        Assert.Equal(["cải cách hành chính", "kế hoạch", "nhãn"], first.Metadata.Tags);
        Assert.Equal(DocumentVisibility.Private, first.Metadata.Visibility);
        Assert.Equal(Planned, first.DocumentId);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 19, 48, TimeSpan.Zero).AddTicks(1241515), first.CreatedAt);
        Assert.StartsWith("No searchable text", _catalog.Jobs.Get(3)!.Reason, StringComparison.Ordinal);
        Assert.Equal(JobState.Duplicate, Assert.Single(_catalog.Jobs.ListForDocument(Planned), j => j.Id == 4).State);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), waiting.NotBefore);
        Assert.Equal("Chờ thử lại", waiting.Metadata.Title);
        Assert.Null(_catalog.Jobs.ClaimNext(new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(6, _catalog.Jobs.ClaimNext(new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero))?.Id);
        Assert.Equal("2026-12-01T08:00:00.0000000+00:00", _catalog.Settings.Get("seeds-imported"));
    }

    [Fact]
    public void Database_OpeningAnExistingCatalog_KeepsItsSchemaAndGoesOnFromIt()
    {
        var job = _catalog.NewJob("7");
        _catalog.Documents.Save(TemporaryCatalog.Document("eeeeeeeeeeeeeeee"), [TemporaryCatalog.Page(1, "mới")], []);

        // Brought up to date: migration 2 (issue 10) added accounts, tokens and the audit trail.
        Assert.Equal("2", _catalog.RawText("PRAGMA user_version"));
        Assert.Equal(7, job.Id);
        Assert.Equal(4, _catalog.Documents.Count());
    }

    [Fact]
    public void Stores_WriteTheTextFormsOfTheCatalog()
    {
        var document = TemporaryCatalog.Document("aaaaaaaaaaaaaaaa") with { Date = new DateOnly(2021, 3, 2), Tags = ["án lệ"], Visibility = DocumentVisibility.Internal };
        _catalog.Documents.Save(document, [TemporaryCatalog.Page(1, "Án lệ") with { Method = ExtractionMethod.LegacyVni, Verdict = PageVerdict.Repaired }], ["một"]);
        var job = _catalog.Jobs.Create(new string('a', 64), DocumentKind.Word, "a.docx", "upload", new IntakeMetadata { Tags = ["x"], Visibility = DocumentVisibility.Private });
        _catalog.Jobs.SetState(job.Id, JobState.Queued, "later", notBefore: new DateTimeOffset(2030, 1, 1, 7, 0, 0, TimeSpan.FromHours(7)));

        Assert.Equal(
            """Pdf|2021-03-02|["\u00E1n l\u1EC7"]|Internal|2026-11-28T10:00:00.0000000Z|["m\u1ED9t"]""",
            _catalog.RawText("SELECT kind || '|' || date || '|' || tags || '|' || visibility || '|' || added_at || '|' || warnings FROM documents WHERE id = 'aaaaaaaaaaaaaaaa'"));
        Assert.Equal(
            """LegacyVni|Repaired|[{"text":"\u00C1n l\u1EC7","kind":"paragraph","level":0}]""",
            _catalog.RawText("SELECT method || '|' || verdict || '|' || blocks FROM pages WHERE document_id = 'aaaaaaaaaaaaaaaa'"));
        Assert.Equal(
            """Word|Queued|2030-01-01T00:00:00.0000000Z|{"tags":["x"],"visibility":"private"}""",
            _catalog.RawText("SELECT kind || '|' || state || '|' || not_before || '|' || metadata FROM jobs WHERE id = 7"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", _catalog.RawText("SELECT created_at FROM jobs WHERE id = 7"));
    }

    public void Dispose() => _catalog.Dispose();

    // The catalog as the code before the split left it, replayed into a new file.
    private static void Restore(string path)
    {
        var sql = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "KnowledgeBase.Ingestion.Tests", "Catalog", "catalog-v1.sql"));
        using var connection = new SqliteConnection("Data Source=" + path + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
