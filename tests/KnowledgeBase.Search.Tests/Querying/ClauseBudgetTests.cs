using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Evaluation;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Search.Tests.Testing;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>
/// Issue 11, the clause budget of the ranked disjunction: a long question keeps its <see cref="RankingWeights.MaxTerms"/>
/// rarest syllables and its <see cref="RankingWeights.MaxPairs"/> rarest pairs, and a syllable held by more than a share of the passages keeps fewer clauses
/// (<see cref="RankingWeights.CommonTitleShare"/>, <see cref="RankingWeights.CommonExactShare"/>); a short question of
/// rare words is built as before.
/// </summary>
public sealed class ClauseBudgetTests : IDisposable
{
    private readonly InMemoryIndex _index = new();

    public ClauseBudgetTests()
    {
        // "của" and "quy định" in every passage (common); "đất đai" in half; "thế chấp", "chuyển nhượng" in one each.
        for (var i = 0; i < 10; i++)
        {
            var topic = i % 2 == 0 ? "đất đai" : "nhà ở";
            var rare = i switch
            {
                0 => "thế chấp",
                1 => "chuyển nhượng",
                _ => "tài sản",
            };
            _index.Add($"Quy định của pháp luật về {topic} và {rare} số {i}.", title: $"Quy định của luật {topic}");
        }

        _index.Commit();
    }

    [Fact]
    public void LongQuery_KeepsItsRarestSyllables_InQueryOrder()
    {
        var query = Disjunction(RankingWeights.Default with { MaxTerms = 4 }, "quy định của pháp luật về đất đai thế chấp chuyển nhượng");

        // Rarest first by passages holding them: thế, chấp, chuyển, nhượng (1 each); the common ones are left out.
        Assert.Equal(["the", "chap", "chuyen", "nhuong"], Terms(query, IndexFields.TextFolded));
        Assert.Equal(["thế", "chấp", "chuyển", "nhượng"], Terms(query, IndexFields.Text));
        Assert.DoesNotContain("cua", Terms(query, IndexFields.TextFolded));
    }

    [Fact]
    public void LongQuery_PairsHaveABudgetOfTheirOwn()
    {
        const string text = "quy định của pháp luật về đất đai thế chấp";
        var syllablesOnly = Disjunction(RankingWeights.Default with { MaxTerms = 3 }, text);
        var both = Disjunction(RankingWeights.Default with { MaxTerms = 3, MaxPairs = 2 }, text);

        // Every neighbouring pair stays when only the syllables are budgeted (MaxPairs 64 by default).
        Assert.Equal(["quy đinh", "đinh cua", "cua phap", "phap luat", "luat ve", "ve đat", "đat đai", "đai the", "the chap"], Terms(syllablesOnly, IndexFields.TextBigrams));
        // With a pair budget, the rarest pairs: those with "thế chấp" (one passage each).
        Assert.Equal(["đai the", "the chap"], Terms(both, IndexFields.TextBigrams));
        Assert.Equal(["đat", "the", "chap"], Terms(both, IndexFields.TextFolded));
    }

    [Fact]
    public void ShortQuery_UnderTheBudget_BuiltAsBefore()
    {
        const string text = "thế chấp chuyển nhượng";
        var before = Disjunction(RankingWeights.Default with { MaxTerms = 64 }, text).ToString();

        Assert.Equal(before, Disjunction(RankingWeights.Default with { MaxTerms = 4 }, text).ToString());
        // None of its syllables is common: the shares leave it as it is too.
        Assert.Equal(before, Disjunction(RankingWeights.Default with { MaxTerms = 4, CommonTitleShare = 0.3f, CommonExactShare = 0.3f }, text).ToString());
    }

    [Fact]
    public void CommonSyllable_KeepsOnlyItsFoldedTextClause_RareOnesKeepEveryClause()
    {
        var query = Disjunction(RankingWeights.Default with { CommonTitleShare = 0.6f, CommonExactShare = 0.6f }, "quy định của thế chấp");

        // Every passage holds "quy", "định", "của" and the pairs "quy đinh", "đinh cua": their folded and pair text clauses stay.
        Assert.Equal(["quy", "đinh", "cua", "the", "chap"], Terms(query, IndexFields.TextFolded));
        Assert.Equal(["the", "chap"], Terms(query, IndexFields.TitleFolded));
        Assert.Equal(["thế", "chấp"], Terms(query, IndexFields.Text));
        Assert.Equal(["thế", "chấp"], Terms(query, IndexFields.Title));
        Assert.Equal(["quy đinh", "đinh cua", "cua the", "the chap"], Terms(query, IndexFields.TextBigrams));
        Assert.Equal(["cua the", "the chap"], Terms(query, IndexFields.TitleBigrams));
    }

    [Fact]
    public void CommonShares_Off_EveryClauseOfEverySyllable()
    {
        var query = Disjunction(RankingWeights.Default with { CommonTitleShare = 0, CommonExactShare = 0 }, "quy định của thế chấp");

        Assert.Equal(["quy", "đinh", "cua", "the", "chap"], Terms(query, IndexFields.TitleFolded));
        Assert.Equal(["quy", "định", "của", "thế", "chấp"], Terms(query, IndexFields.Title));
    }

    [Fact]
    public void CommonTitleShare_Alone_KeepsTheExactTextClause()
    {
        var query = Disjunction(RankingWeights.Default with { CommonTitleShare = 0.6f }, "quy định của thế chấp");

        Assert.Equal(["quy", "định", "của", "thế", "chấp"], Terms(query, IndexFields.Text));
        Assert.Equal(["thế", "chấp"], Terms(query, IndexFields.Title));
    }

    [Fact]
    public void CommonSyllable_StillMatchesAndRanks_ThePassageWithTheRareWordFirst()
    {
        var weights = RankingWeights.Default with { CommonTitleShare = 0.6f, CommonExactShare = 0.6f };
        var results = new LuceneSearchService(_index.Index, weights).Search(new SearchRequest { Query = "quy định của pháp luật về thế chấp là gì?", Highlight = false, PageSize = 20 });

        Assert.Equal(10, results.TotalHits);
        Assert.Contains("thế chấp", results.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WeightSettings_NameTheBudget()
    {
        var weights = WeightSettings.Parse("MaxTerms=24 CommonTitleShare=0.3 CommonExactShare=0.2");

        Assert.Equal(24, weights.MaxTerms);
        Assert.Equal(64, weights.MaxPairs);
        Assert.Equal(16, WeightSettings.Parse("MaxPairs=16").MaxPairs);
        Assert.Equal(0.3f, weights.CommonTitleShare);
        Assert.Equal(0.2f, weights.CommonExactShare);
    }

    public void Dispose() => _index.Dispose();

    /// <summary>The free text's ranked disjunction as <see cref="QueryBuilder"/> builds it with <paramref name="weights"/>.</summary>
    private BooleanQuery Disjunction(RankingWeights weights, string text) => _index.Index.WithSearcher(searcher =>
    {
        var reader = searcher.IndexReader;
        var root = (BooleanQuery)new QueryBuilder(weights).Build(UserQueryParser.Parse(text), reader, LearnedAcronyms.TableFor(reader));
        return (BooleanQuery)root.Clauses[0].Query;
    });

    private static List<string> Terms(BooleanQuery query, string field) =>
        query.Clauses.Select(c => c.Query).OfType<TermQuery>().Where(t => t.Term.Field == field).Select(t => t.Term.Text).ToList();
}
