using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Ingestion.Tests.Catalog;

/// <summary>
/// The catalog's lists (documents, their count, pages needing attention, jobs and their counts) apply the same
/// rule as the index's filter: public for all who may read, internal for signed-in users, private for the owner.
/// </summary>
public sealed class CatalogAudienceTests : IDisposable
{
    private const string Public = "aaaaaaaaaaaaaaa1";
    private const string Internal = "aaaaaaaaaaaaaaa2";
    private const string Private = "aaaaaaaaaaaaaaa3";

    private readonly TemporaryCatalog _catalog = new();

    public CatalogAudienceTests()
    {
        Save(Public, DocumentVisibility.Public);
        Save(Internal, DocumentVisibility.Internal);
        Save(Private, DocumentVisibility.Private);
        _catalog.Jobs.Create("b".PadLeft(64, 'b'), DocumentKind.Text, "rieng.txt", "upload", new IntakeMetadata { Visibility = DocumentVisibility.Private, AddedBy = "lan" });
        _catalog.Jobs.Create("c".PadLeft(64, 'c'), DocumentKind.Text, "chung.txt", "upload", new IntakeMetadata { Visibility = DocumentVisibility.Public, AddedBy = "lan" });
    }

    public static TheoryData<string, string[]> Audiences => new()
    {
        { "anonymous", [Public] },
        { "nobody", [] },
        { "lan", [Public, Internal, Private] },
        { "minh", [Public, Internal] },
        { "admin", [Public, Internal, Private] },
    };

    [Theory]
    [MemberData(nameof(Audiences))]
    public void Documents_CountAndAttention_OnlyWhatTheAudienceSees(string who, string[] seen)
    {
        var audience = AudienceOf(who);

        Assert.Equal(seen.Order(StringComparer.Ordinal), _catalog.Documents.List(audience, 0, 100).Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Equal(seen.Length, _catalog.Documents.Count(audience));
        Assert.Equal(seen.Order(StringComparer.Ordinal), _catalog.Documents.ListNeedingAttention(audience, 100).Select(a => a.Document.Id).Order(StringComparer.Ordinal));
        Assert.All(seen, id => Assert.True(audience.Sees(_catalog.Documents.Get(id)!)));
    }

    [Theory]
    [InlineData("anonymous", false)]
    [InlineData("minh", false)]
    [InlineData("lan", true)]
    [InlineData("admin", true)]
    public void Jobs_OfAPrivateUpload_OnlyForItsOwnerAndAdmins(string who, bool seesPrivate)
    {
        var audience = AudienceOf(who);
        var jobs = _catalog.Jobs.List(audience, null, 0, 100);

        Assert.Contains(jobs, j => j.FileName == "chung.txt");
        Assert.Equal(seesPrivate, jobs.Any(j => j.FileName == "rieng.txt"));
        Assert.Equal(jobs.Count, _catalog.Jobs.CountByState(audience).Values.Sum());
        var privateJob = _catalog.Jobs.List(Audience.Everyone, null, 0, 100).Single(j => j.FileName == "rieng.txt");
        Assert.Equal(seesPrivate, _catalog.Jobs.Get(privateJob.Id, audience) is not null);
    }

    public void Dispose() => _catalog.Dispose();

    private static Audience AudienceOf(string who) => who switch
    {
        "anonymous" => Audience.Anonymous(anonymousRead: true),
        "nobody" => Audience.Anonymous(anonymousRead: false),
        "admin" => Audience.Everyone,
        _ => Audience.User(who),
    };

    private void Save(string id, DocumentVisibility visibility) =>
        _catalog.Documents.Save(
            TemporaryCatalog.Document(id) with { Visibility = visibility, AddedBy = "lan" },
            [TemporaryCatalog.Page(1, "x") with { Verdict = PageVerdict.Empty }],
            []);
}
