using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Tests.Testing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Collecting;

/// <summary>Issue 13: a document without a date is "no date" in the year facet and last when sorting by date.</summary>
public sealed class UndatedDocumentTests : IDisposable
{
    private readonly InMemoryIndex _index = new();

    public UndatedDocumentTests()
    {
        _index.Index.Upsert(TestDocuments.Text("00000000000000a1", "Cũ") with { Date = new DateOnly(2015, 3, 1) }, TestDocuments.Passages("00000000000000a1", "quy chế tiếp công dân"));
        _index.Index.Upsert(TestDocuments.Text("00000000000000a2", "Không ngày"), TestDocuments.Passages("00000000000000a2", "quy chế tiếp công dân"));
        _index.Index.Upsert(TestDocuments.Text("00000000000000a3", "Mới") with { Date = new DateOnly(2021, 7, 9) }, TestDocuments.Passages("00000000000000a3", "quy chế tiếp công dân"));
        _index.Commit();
    }

    [Fact]
    public void YearFacet_Undated_CountsUnderNoYear()
    {
        var results = _index.Search.Search(new SearchRequest { Query = "quy chế", IncludeFacets = true });

        var years = results.Facets.Single(f => f.Field == IndexFields.Year).Values.ToDictionary(v => v.Value, v => v.Count);
        Assert.Equal(new Dictionary<string, int> { ["2015"] = 1, ["2021"] = 1, ["0"] = 1 }, years);
        Assert.Equal(["00000000000000a2"], _index.Search.Search(new SearchRequest { Query = "quy chế", Years = [IndexFields.NoYear] }).Hits.Select(h => h.DocumentId));
    }

    [Theory]
    [InlineData(SearchSort.DateAscending, false, "00000000000000a1,00000000000000a3,00000000000000a2")]
    [InlineData(SearchSort.DateDescending, false, "00000000000000a3,00000000000000a1,00000000000000a2")]
    [InlineData(SearchSort.DateAscending, true, "00000000000000a1,00000000000000a3,00000000000000a2")]
    [InlineData(SearchSort.DateDescending, true, "00000000000000a3,00000000000000a1,00000000000000a2")]
    public void DateSort_Undated_ComesLast(SearchSort sort, bool grouped, string expected)
    {
        var results = _index.Search.Search(new SearchRequest { Query = "quy chế", Sort = sort, GroupByDocument = grouped });

        Assert.Equal(expected.Split(','), results.Hits.Select(h => h.DocumentId));
    }

    public void Dispose() => _index.Dispose();
}
