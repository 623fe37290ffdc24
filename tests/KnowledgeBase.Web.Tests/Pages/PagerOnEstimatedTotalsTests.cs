using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;
using KnowledgeBase.Web.Tests.Infrastructure;

namespace KnowledgeBase.Web.Tests.Pages;

/// <summary>
/// Issue 13: the pager of a pruned search page ("khoảng N đoạn trong khoảng M tài liệu"). The pages run only as far as
/// the documents of the best passages the search ranked, never as far as the estimated total: every page it links to
/// holds documents, the last link is the last page that does, and a page past it says so in Vietnamese with a way back
/// instead of an empty list; <c>/api/search</c> agrees (<c>lastPage</c>, <c>totalIsEstimate</c>).
/// </summary>
public sealed partial class PagerOnEstimatedTotalsTests(PagerOnEstimatedTotalsTests.PrunedAppFactory factory) : IClassFixture<PagerOnEstimatedTotalsTests.PrunedAppFactory>
{
    /// <summary>A long pasted question: most of its words are in every matching passage.</summary>
    private const string Question = "Xin hỏi thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ tại ủy ban nhân dân huyện cần hồ sơ gì và lệ phí bao nhiêu theo quy định hiện hành";
    private const int Size = 5;

    [Fact]
    public async Task PrunedPage_EveryLinkedPageHoldsDocuments_TheLastLinkIsTheLastSuchPage()
    {
        var client = factory.CreateClient();
        var first = await HtmlPage.GetAsync(client, Address(1));
        Assert.StartsWith("khoảng", first.One("p.summary").Text(), StringComparison.Ordinal);

        // Every page any visited pager links to, visited in turn.
        var pages = new Dictionary<int, AngleSharp.Dom.IDocument> { [1] = first };
        var toVisit = new Queue<int>(LinkedPages(first));
        while (toVisit.TryDequeue(out var number))
        {
            if (pages.ContainsKey(number))
            {
                continue;
            }

            Assert.True(pages.Count < 60, "the pager keeps linking further pages");
            var page = await HtmlPage.GetAsync(client, Address(number));
            pages[number] = page;
            foreach (var linked in LinkedPages(page))
            {
                toVisit.Enqueue(linked);
            }
        }

        var last = pages.Keys.Max();
        Assert.True(last > 1, "a single page: the test needs a longer result");
        Assert.Equal(Enumerable.Range(1, last), pages.Keys.Order());
        Assert.All(pages, p =>
        {
            Assert.NotEmpty(p.Value.QuerySelectorAll("ol.groups > li.group"));
            Assert.Null(p.Value.QuerySelector("#beyond-last-page"));
        });
        Assert.Empty(pages[last].QuerySelectorAll("nav.pager a[rel=next]"));
        Assert.Equal(Size, pages[1].QuerySelectorAll("ol.groups > li.group").Length);

        // The last page says why the list ends before the estimated total.
        var totalDocuments = int.Parse(SummaryNumbers().Matches(first.One("p.summary").Text())[1].Value.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.True(totalDocuments > last * Size, $"about {totalDocuments} documents in {last} pages of {Size}: the pages were not cut short");
        Assert.StartsWith("Đây là trang cuối", pages[last].One("#last-ranked").Text(), StringComparison.Ordinal);

        // Past the last page: a message in Vietnamese and links back, no empty list, no pager.
        var beyond = await HtmlPage.GetAsync(client, Address(last + 1));
        Assert.Empty(beyond.QuerySelectorAll("ol.groups"));
        Assert.Empty(beyond.QuerySelectorAll("nav.pager"));
        var message = beyond.One("#beyond-last-page");
        Assert.StartsWith($"Không có trang {last + 1}: chỉ hiển thị", message.Text(), StringComparison.Ordinal);
        Assert.Equal(Address(last), message.One("a[rel=prev]").GetAttribute("href"));
        Assert.Contains(message.QuerySelectorAll("a"), a => a.GetAttribute("href") == Address(1));
    }

    [Fact]
    public async Task Api_SameLastPage_EmptyBeyondIt_TotalsMarkedEstimates()
    {
        var client = factory.CreateClient();
        var first = await HtmlPage.GetAsync(client, Address(1));
        var last = int.Parse(PageOf().Match(first.One("nav.pager .of").Text()).Groups[1].Value, CultureInfo.InvariantCulture);

        var api = await client.GetFromJsonAsync<JsonElement>(Api(1));
        var atLast = await client.GetFromJsonAsync<JsonElement>(Api(last));
        var past = await client.GetFromJsonAsync<JsonElement>(Api(last + 1));

        Assert.True(api.GetProperty("totalIsEstimate").GetBoolean());
        Assert.Equal(last, api.GetProperty("lastPage").GetInt32());
        Assert.NotEqual(0, atLast.GetProperty("groups").GetArrayLength());
        Assert.Equal(last, atLast.GetProperty("lastPage").GetInt32());
        Assert.Equal(0, past.GetProperty("groups").GetArrayLength());
        Assert.Equal(last + 1, past.GetProperty("page").GetInt32());
        Assert.Equal(last, past.GetProperty("lastPage").GetInt32());
        Assert.True(past.GetProperty("totalIsEstimate").GetBoolean());
    }

    [Fact]
    public async Task ExactTotals_PagePastTheLast_SaysSoWithAWayBack()
    {
        var client = factory.CreateClient();

        var page = await HtmlPage.GetAsync(client, "/?q=zircon&page=4");

        Assert.Empty(page.QuerySelectorAll("ol.groups"));
        Assert.StartsWith("Không có trang 4: kết quả chỉ có 1 trang.", page.One("#beyond-last-page").Text(), StringComparison.Ordinal);
        Assert.Equal("/?q=zircon", page.One("#beyond-last-page a").GetAttribute("href"));
    }

    private static string Address(int page) => "/?q=" + Uri.EscapeDataString(Question) + "&size=" + Size + (page > 1 ? "&page=" + page : string.Empty);

    private static string Api(int page) => "/api/search?grouped=true&facets=true&size=" + Size + "&page=" + page + "&q=" + Uri.EscapeDataString(Question);

    private static IEnumerable<int> LinkedPages(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("nav.pager a[href]")
            .Select(a => PageParameter().Match(a.GetAttribute("href")!))
            .Select(m => m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 1);

    [GeneratedRegex(@"[?&]page=(\d+)")]
    private static partial Regex PageParameter();

    [GeneratedRegex(@"[\d.]+")]
    private static partial Regex SummaryNumbers();

    [GeneratedRegex(@"/ (\d+)")]
    private static partial Regex PageOf();

    /// <summary>
    /// No seeds; 100 documents of 6 passages drawn from the question's vocabulary and 20 of other words, indexed
    /// directly; the page reads its best 100 passages (<c>Search:FacetDepth</c> 1), so the page is pruned and its pages
    /// end well before the estimated documents.
    /// </summary>
    public sealed class PrunedAppFactory : DirectlyIndexedAppFactory
    {
        protected override void Index(LuceneIndex index)
        {
            var random = new Random(13);
            string[] words = [.. Question.ToLowerInvariant().Split(' '), "đất", "đai", "chứng", "nhận", "quyền", "sử", "dụng", "cán", "bộ", "tư", "pháp"];
            string[] other = ["khoáng", "vật", "thạch", "anh", "mica", "đá", "núi", "sông", "biển"];
            for (var d = 0; d < 120; d++)
            {
                var id = (d + 1).ToString("x16", CultureInfo.InvariantCulture);
                var vocabulary = d < 100 ? words : other;
                var passages = Enumerable.Range(0, 6)
                    .Select(_ => string.Join(' ', Enumerable.Range(0, 8 + random.Next(30)).Select(_ => vocabulary[random.Next(vocabulary.Length)])) + ".")
                    .ToArray();
                index.Upsert(TestDocuments.Text(id, "Văn bản " + d), TestDocuments.Passages(id, passages));
                if (d % 30 == 29)
                {
                    index.CommitAsync().GetAwaiter().GetResult();
                }
            }

            index.Upsert(TestDocuments.Text("00000000000ff001", "Khoáng vật"), TestDocuments.Passages("00000000000ff001", "zircon và thạch anh", "đá zircon"));
        }
    }
}
