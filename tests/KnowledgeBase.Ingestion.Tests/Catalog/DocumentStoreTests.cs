using KnowledgeBase.Core.Extraction;
using static KnowledgeBase.Ingestion.Tests.Catalog.TemporaryCatalog;

namespace KnowledgeBase.Ingestion.Tests.Catalog;

/// <summary>Documents, their versions and pages in the catalog.</summary>
public sealed class DocumentStoreTests : IDisposable
{
    private readonly TemporaryCatalog _catalog = new();

    [Fact]
    public void Save_ThenGet_RoundTripsMetadataPagesAndWarnings()
    {
        var document = Document("aaaaaaaaaaaaaaaa") with { Tags = ["án lệ", "đất đai"], Date = new DateOnly(2021, 3, 12), Author = "TANDTC" };
        var pages = new[]
        {
            new ExtractedPage { Number = 1, Blocks = [new TextBlock("Án lệ số 43", TextBlockKind.Heading, 1), new TextBlock("Nội dung")], Quality = 0.99, Verdict = PageVerdict.Ok },
            new ExtractedPage { Number = 2, Method = ExtractionMethod.LegacyTcvn3, Verdict = PageVerdict.Repaired, Blocks = [new TextBlock("Giới thiệu")] },
        };
        _catalog.Documents.Save(document, pages, ["one warning"]);

        var read = _catalog.Documents.Get(document.Id)!;
        Assert.Equal(document.Tags, read.Tags);
        Assert.Equal(document with { Tags = [] }, read with { Tags = [] });
        var stored = _catalog.Documents.GetPages(document.Id);
        Assert.Equal(2, stored.Count);
        Assert.Equal(pages[0].Text, stored[0].Text);
        Assert.Equal(TextBlockKind.Heading, stored[0].Blocks[0].Kind);
        Assert.Equal(ExtractionMethod.LegacyTcvn3, stored[1].Method);
        Assert.Equal(["one warning"], _catalog.Documents.GetWarnings(document.Id));
        Assert.Equal(document.Id, _catalog.Documents.FindByHash(document.ContentHash)?.Id);
    }

    [Fact]
    public void SaveMany_SavesEachDocumentAsSaveDoes()
    {
        var first = Document("dddddddddddddddd") with { Tags = ["một"] };
        var second = Document("eeeeeeeeeeeeeeee");
        _catalog.Documents.Save(second, [Page(1, "cũ"), Page(2, "cũ")], []);
        var newer = second with { ContentHash = new string('f', 64), Version = 2 };

        _catalog.Documents.SaveMany([(first, [Page(1, "một")], ["cảnh báo"]), (newer, [Page(1, "mới")], [])]);

        Assert.Equal(first, _catalog.Documents.Get(first.Id)! with { Tags = first.Tags });
        Assert.Equal(["một"], _catalog.Documents.Get(first.Id)!.Tags);
        Assert.Equal(["cảnh báo"], _catalog.Documents.GetWarnings(first.Id));
        Assert.Equal("một", Assert.Single(_catalog.Documents.GetPages(first.Id)).Text);
        Assert.Equal(newer with { Tags = [] }, _catalog.Documents.Get(newer.Id)! with { Tags = [] });
        Assert.Equal("mới", Assert.Single(_catalog.Documents.GetPages(newer.Id)).Text);
        Assert.Equal(newer.Id, _catalog.Documents.FindByHash(second.ContentHash)?.Id);
    }

    [Fact]
    public void SaveMany_OneDocumentRefused_SavesNoneOfThem()
    {
        var good = Document("gggggggggggggggg");
        var bad = Document("hhhhhhhhhhhhhhhh");

        // Two pages with one number break the pages' key: the whole batch is rolled back.
        Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => _catalog.Documents.SaveMany([(good, [Page(1, "a")], []), (bad, [Page(1, "b"), Page(1, "c")], [])]));

        Assert.Null(_catalog.Documents.Get(good.Id));
        Assert.Null(_catalog.Documents.Get(bad.Id));
    }

    [Fact]
    public void Save_NewVersion_KeepsOldHashFindableAndReplacesPages()
    {
        var v1 = Document("bbbbbbbbbbbbbbbb");
        _catalog.Documents.Save(v1, [Page(1, "cũ"), Page(2, "cũ")], []);
        var v2 = v1 with { ContentHash = new string('c', 64), Version = 2 };
        _catalog.Documents.Save(v2, [Page(1, "mới")], []);

        Assert.Equal(2, _catalog.Documents.Get(v1.Id)!.Version);
        Assert.Single(_catalog.Documents.GetPages(v1.Id));
        Assert.Equal(v1.Id, _catalog.Documents.FindByHash(v1.ContentHash)?.Id);
        Assert.Equal([v1.ContentHash, v2.ContentHash], _catalog.Documents.GetVersionHashes(v1.Id));
    }

    [Fact]
    public void GetMany_ExistingOnesById_MissingAndRepeatedIgnored()
    {
        _catalog.Documents.Save(Document("aaaaaaaaaaaaaaaa"), [Page(1, "một")], []);
        _catalog.Documents.Save(Document("bbbbbbbbbbbbbbbb"), [Page(1, "hai")], []);

        var found = _catalog.Documents.GetMany(["bbbbbbbbbbbbbbbb", "cccccccccccccccc", "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]);

        Assert.Equal(["aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"], found.Keys.Order());
        Assert.Equal("bbbbbbbbbbbbbbbb", found["bbbbbbbbbbbbbbbb"].Id);
        Assert.Empty(_catalog.Documents.GetMany([]));
    }

    [Fact]
    public void Delete_RemovesDocumentPagesAndVersions()
    {
        var document = Document("dddddddddddddddd");
        _catalog.Documents.Save(document, [Page(1, "x")], []);

        Assert.True(_catalog.Documents.Delete(document.Id));
        Assert.Null(_catalog.Documents.Get(document.Id));
        Assert.Empty(_catalog.Documents.GetPages(document.Id));
        Assert.False(_catalog.Documents.IsHashReferenced(document.ContentHash));
        Assert.False(_catalog.Documents.Delete(document.Id));
    }

    public void Dispose() => _catalog.Dispose();
}
