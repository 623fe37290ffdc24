using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Pages;

/// <summary>
/// The search page of a question matching more passages than the page reads (<c>Search:FacetDepth</c> small here): the
/// pruned search ranks the page without counting every match, so the page says "khoảng" (about) before both totals,
/// and <c>/api/search</c> says the same with <c>totalIsEstimate</c>; a question with few matches is counted exactly.
/// </summary>
public sealed class EstimatedTotalsPageTests(EstimatedTotalsPageTests.ManyPassagesAppFactory factory) : IClassFixture<EstimatedTotalsPageTests.ManyPassagesAppFactory>
{
    [Fact]
    public async Task ManyMatches_SummarySaysAboutBeforeBothTotals_AndTheApiAgrees()
    {
        var client = factory.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/?q=" + Uri.EscapeDataString(ManyPassagesAppFactory.Common));
        var api = await client.GetFromJsonAsync<JsonElement>("/api/search?grouped=true&facets=true&q=" + Uri.EscapeDataString(ManyPassagesAppFactory.Common));

        var summary = page.One("p.summary").Text();
        Assert.Matches(@"^khoảng [\d.]+ đoạn trong khoảng [\d.]+ tài liệu", summary);
        Assert.Equal(10, page.QuerySelectorAll("ol.groups > li.group").Length);
        Assert.NotNull(page.QuerySelector("p.facets-estimated"));
        Assert.True(api.GetProperty("totalIsEstimate").GetBoolean());
        Assert.True(api.GetProperty("facetsAreEstimates").GetBoolean());
        Assert.Equal(10, api.GetProperty("groups").GetArrayLength());
        // Each document's number of matching passages stays counted: every passage of these documents holds the word.
        Assert.All(api.GetProperty("groups").EnumerateArray(), g => Assert.Equal(ManyPassagesAppFactory.PassagesPerDocument, g.GetProperty("matchingPassages").GetInt32()));
    }

    [Fact]
    public async Task FewMatches_ExactTotalsWithoutAbout()
    {
        var client = factory.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/?q=zircon");
        var api = await client.GetFromJsonAsync<JsonElement>("/api/search?grouped=true&facets=true&q=zircon");

        Assert.StartsWith("2 đoạn trong 1 tài liệu", page.One("p.summary").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("khoảng", page.One("p.summary").Text(), StringComparison.Ordinal);
        Assert.False(api.GetProperty("totalIsEstimate").GetBoolean());
        Assert.False(api.GetProperty("facetsAreEstimates").GetBoolean());
    }

    /// <summary>No seeds; 60 documents of 8 passages indexed directly, every passage holding <see cref="Common"/>; pages read their best 100 passages.</summary>
    public sealed class ManyPassagesAppFactory : DirectlyIndexedAppFactory
    {
        public const string Common = "thu tuc hanh chinh dat dai";
        public const int PassagesPerDocument = 8;

        protected override void Index(LuceneIndex index)
        {
            var random = new Random(52);
            string[] extra = ["quyết định", "ủy ban", "nhân dân", "tỉnh", "giấy phép", "xây dựng", "hộ tịch", "thuế", "phí"];
            for (var d = 0; d < 60; d++)
            {
                var id = (d + 1).ToString("x16", CultureInfo.InvariantCulture);
                var passages = Enumerable.Range(0, PassagesPerDocument)
                    .Select(_ => string.Join(' ', Enumerable.Range(0, 4 + random.Next(30)).Select(_ => extra[random.Next(extra.Length)])) + " " + Common)
                    .ToArray();
                index.Upsert(TestDocuments.Text(id, "Văn bản " + d), TestDocuments.Passages(id, passages));
                if (d % 20 == 19)
                {
                    index.CommitAsync().GetAwaiter().GetResult();
                }
            }

            index.Upsert(TestDocuments.Text("00000000000ff001", "Khoáng vật"), TestDocuments.Passages("00000000000ff001", "zircon và thạch anh", "đá zircon"));
        }
    }
}
