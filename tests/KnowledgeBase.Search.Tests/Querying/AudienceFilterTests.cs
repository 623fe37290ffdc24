using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Similar;
using KnowledgeBase.Search.Suggesting;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>
/// The audience reaches every read surface through the one filter builder: a private document is seen by
/// <see cref="Audience.Everyone"/> and by no surface of an audience that may see only public documents.
/// </summary>
public sealed class AudienceFilterTests : IDisposable
{
    private const string Plan = "aaaaaaaaaaaaaaa1";
    private const string Registry = "aaaaaaaaaaaaaaa2";
    private const string Secret = "aaaaaaaaaaaaaaa3";
    private static readonly Audience PublicOnly = Audience.Of(DocumentVisibility.Public);

    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly LuceneSearchService _search;

    public AudienceFilterTests()
    {
        _search = new LuceneSearchService(_index);
        Add(Plan, "Kế hoạch cải cách", DocumentVisibility.Public, "Công khai", "Kế hoạch cải cách hành chính của tỉnh năm nay.");
        Add(Registry, "Hộ tịch", DocumentVisibility.Public, "Công khai", "Thủ tục đăng ký hộ tịch cho người nước ngoài tại ủy ban.");
        Add(Secret, "Phương án tinh giản", DocumentVisibility.Private, "Mật", "Kế hoạch riêng: thủ tục đăng ký hộ tịch cho người nước ngoài, phương án tinh giản biên chế.");
        _index.CommitAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public void Search_ResultsTotalsAndFacets_OnlyWhatTheAudienceSees()
    {
        var everyone = Search("kế hoạch", Audience.Everyone);
        var publicOnly = Search("kế hoạch", PublicOnly);

        Assert.Equal([Plan, Secret], everyone.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal([Plan], publicOnly.Hits.Select(h => h.DocumentId));
        Assert.Equal((2, 2), (everyone.TotalHits, everyone.TotalDocuments));
        Assert.Equal((1, 1), (publicOnly.TotalHits, publicOnly.TotalDocuments));
        Assert.Contains("Mật", Collections(everyone));
        Assert.Equal(["Công khai"], Collections(publicOnly));
    }

    [Fact]
    public void Search_WithinAHiddenDocument_FindsNothing()
    {
        var request = new SearchRequest { Query = "kế hoạch", DocumentId = Secret };

        Assert.Equal(1, _search.Search(request).TotalHits);
        Assert.Equal(0, _search.Search(request with { Audience = PublicOnly }).TotalHits);
    }

    [Fact]
    public void Search_AudienceThatSeesNoVisibility_FindsNothing()
    {
        Assert.Equal(0, Search("kế hoạch", Audience.Of()).TotalHits);
    }

    [Theory]
    [InlineData("gian bien che", "giản biên chế")]
    [InlineData("giann", "giản")]
    public void DidYouMean_NeverOffersAWordOnlyHiddenDocumentsHold(string typed, string corrected)
    {
        Assert.Equal(corrected, Search(typed, Audience.Everyone).DidYouMean?.Query);

        // To an audience that may not see them, "gian", "bien", "che" are words it does not know: it may be offered
        // the nearest words it can see ("che" → "cho"), never the hidden document's forms.
        var offered = Search(typed, PublicOnly).DidYouMean?.Query ?? string.Empty;
        Assert.DoesNotContain(corrected.Split(' '), offered.Split(' ').Contains);
    }

    /// <summary>
    /// A word only a hidden document holds is, to those who may not see it, a word found nowhere: its nearest
    /// spellings are searched and offered alike. Before, the index's own statistics called it known, so an anonymous
    /// caller got an empty page and no "did you mean" for it but the neighbour's passage for a made-up word: an
    /// oracle telling whether a private document holds a word (audit 2026-12-08).
    /// </summary>
    [Theory]
    [InlineData("quarkton", "quarkxon")]
    [InlineData("dự án quarkton", "dự án quarkxon")]
    public async Task AWordOnlyHiddenDocumentsHold_IsAnswered_AsAWordFoundNowhere(string hiddenWord, string madeUp)
    {
        const string Neighbour = "aaaaaaaaaaaaaaa5";
        const string Hidden = "aaaaaaaaaaaaaaa6";
        Add(Neighbour, "Thông báo", DocumentVisibility.Public, "Công khai", "Thông báo về quarkson của dự án cho người dân.");
        Add(Hidden, "Dự án mật", DocumentVisibility.Private, "Mật", "Báo cáo mật về quarkton, chỉ dành cho người soạn.");
        await _index.CommitAsync();

        foreach (var audience in new[] { PublicOnly, Audience.User("minh") })
        {
            var nowhere = Search(madeUp, audience);
            var hidden = Search(hiddenWord, audience);

            Assert.Equal([Neighbour], nowhere.Hits.Select(h => h.DocumentId).Distinct());
            Assert.Equal(nowhere.Hits.Select(h => h.DocumentId), hidden.Hits.Select(h => h.DocumentId));
            Assert.Equal((nowhere.TotalHits, nowhere.TotalDocuments), (hidden.TotalHits, hidden.TotalDocuments));
            Assert.Contains("quarkson", nowhere.DidYouMean?.Query, StringComparison.Ordinal);
            Assert.Equal(nowhere.DidYouMean?.Query, hidden.DidYouMean?.Query);
        }

        // Its owner and admins find it as typed, with nothing to correct.
        foreach (var audience in new[] { Audience.User("lan"), Audience.Everyone })
        {
            var found = Search(hiddenWord, audience);
            Assert.Contains(found.Hits, h => h.DocumentId == Hidden);
            Assert.DoesNotContain("quarkson", found.DidYouMean?.Query ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Suggestions_PhrasesAndTitles_OnlyFromWhatTheAudienceSees()
    {
        var suggestions = new SuggestionService(_index);

        Assert.Contains(suggestions.Suggest("tinh gi", 5, Audience.Everyone), s => s.Kind == SuggestionKind.Phrase && s.Text.StartsWith("tinh giản", StringComparison.Ordinal));
        Assert.Contains(suggestions.Suggest("phuong a", 5, Audience.Everyone), s => s.Kind == SuggestionKind.Title && s.DocumentId == Secret);
        Assert.Empty(suggestions.Suggest("tinh gi", 5, PublicOnly));
        Assert.Empty(suggestions.Suggest("phuong a", 5, PublicOnly));
    }

    [Fact]
    public void SimilarPassages_OnlyWhatTheAudienceSees_AndNoneOfAHiddenPassage()
    {
        var similar = new SimilarPassagesService(_index);
        var registry = PassageIds.Create(Registry, 0);
        var secret = PassageIds.Create(Secret, 0);

        Assert.Contains(similar.FindSimilar(registry, 5, Audience.Everyone), h => h.DocumentId == Secret);
        Assert.DoesNotContain(similar.FindSimilar(registry, 5, PublicOnly), h => h.DocumentId == Secret);
        Assert.NotEmpty(similar.FindSimilar(secret, 5, Audience.Everyone));
        Assert.Empty(similar.FindSimilar(secret, 5, PublicOnly));
    }

    [Fact]
    public async Task PrivateDocument_SeenByItsOwner_NotByAnotherUser_AndInternalBySignedInUsersOnly()
    {
        Add("aaaaaaaaaaaaaaa4", "Nội bộ", DocumentVisibility.Internal, "Nội bộ", "Kế hoạch nội bộ của văn phòng.");
        await _index.CommitAsync();

        var owner = Search("kế hoạch", Audience.User("lan"));
        var other = Search("kế hoạch", Audience.User("minh"));
        var anonymous = Search("kế hoạch", Audience.Anonymous(anonymousRead: true));

        Assert.Equal([Plan, Secret, "aaaaaaaaaaaaaaa4"], owner.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal([Plan, "aaaaaaaaaaaaaaa4"], other.Hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.Equal([Plan], anonymous.Hits.Select(h => h.DocumentId));
        Assert.Equal(0, Search("kế hoạch", Audience.Anonymous(anonymousRead: false)).TotalHits);
        Assert.DoesNotContain("Mật", Collections(other));
        Assert.Contains("Mật", Collections(owner));
        Assert.NotEmpty(new SuggestionService(_index).Suggest("phuong a", 5, Audience.User("lan")));
        Assert.Empty(new SuggestionService(_index).Suggest("phuong a", 5, Audience.User("minh")));
    }

    public void Dispose() => _index.Dispose();

    private SearchResults Search(string query, Audience audience) =>
        _search.Search(new SearchRequest { Query = query, Audience = audience, GroupByDocument = true, IncludeFacets = true, SuggestCorrection = true });

    private static List<string> Collections(SearchResults results) =>
        [.. results.Facets.Single(f => f.Field == IndexFields.Collection).Values.Select(v => v.Value)];

    private void Add(string id, string title, DocumentVisibility visibility, string collection, string text) =>
        _index.Upsert(
            new DocumentInfo { Id = id, Title = title, Kind = DocumentKind.Text, ContentHash = id + id + id + id, ContentType = "text/plain", FileName = "a.txt", Source = "test", AddedAt = DateTimeOffset.UnixEpoch, Visibility = visibility, Collection = collection, AddedBy = "lan" },
            [new Passage { DocumentId = id, Ordinal = 0, PageNumber = 1, Text = text, EndOffset = text.Length }]);
}
