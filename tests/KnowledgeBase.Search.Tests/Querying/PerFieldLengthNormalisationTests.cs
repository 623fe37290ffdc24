using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Evaluation;
using KnowledgeBase.Search.Tests.Testing;
using Lucene.Net.Search.Similarities;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>
/// Issue 13: the pair fields and the exact text field can have a BM25 length normalisation of their own
/// (<see cref="RankingWeights.BigramB"/>, <see cref="RankingWeights.ExactB"/>; measured, off by default).
/// </summary>
public sealed class PerFieldLengthNormalisationTests : IDisposable
{
    private readonly InMemoryIndex _index = new();

    [Fact]
    public void SimilarityFor_OwnPairAndExactB_EachFieldGetsItsOwn()
    {
        var weights = WeightSettings.Parse("BigramB=0.3 ExactB=0.5 TitleB=0.6");

        var similarity = Assert.IsAssignableFrom<PerFieldSimilarityWrapper>(Ranking.SimilarityFor(weights));

        Assert.Equal(0.3f, B(similarity, IndexFields.TextBigrams));
        Assert.Equal(0.6f, B(similarity, IndexFields.TitleBigrams));
        Assert.Equal(0.5f, B(similarity, IndexFields.Text));
        Assert.Equal(0.9f, B(similarity, IndexFields.TextFolded));
        Assert.Equal(0.6f, B(similarity, IndexFields.TitleFolded));
    }

    [Fact]
    public void SimilarityFor_Default_OneSimilarity()
    {
        Assert.IsType<ExactLengthBm25Similarity>(Ranking.SimilarityFor(RankingWeights.Default));
    }

    [Fact]
    public void Search_PairsWithoutLengthNormalisation_LongPassageWithThePhraseWins()
    {
        // Both passages hold "hợp đồng" and "lao động"; the long one holds the phrase "hợp đồng lao động", the short one
        // has the syllables apart. With the pairs normalised like the text the short passage wins on length; with
        // no normalisation of the pairs the phrase does.
        var filler = string.Join(' ', Enumerable.Repeat("Các bên thực hiện đúng nội dung đã thỏa thuận trong văn bản.", 12));
        var phrase = _index.Add("Người sử dụng ký hợp đồng lao động với người làm việc. " + filler, "Điều 1");
        var apart = _index.Add("Hợp đồng về lao động.", "Điều 2");
        _index.Commit();

        var normalised = new LuceneSearchService(_index.Index, RankingWeights.Default);
        var flat = new LuceneSearchService(_index.Index, RankingWeights.Default with { BigramB = 0f });

        Assert.Equal(apart, Top(normalised));
        Assert.Equal(phrase, Top(flat));

        string Top(LuceneSearchService search) =>
            search.Search(new SearchRequest { Query = "hợp đồng lao động", Highlight = false }).Hits[0].DocumentId;
    }

    public void Dispose() => _index.Dispose();

    private static float B(PerFieldSimilarityWrapper similarity, string field) =>
        Assert.IsType<ExactLengthBm25Similarity>(similarity.Get(field)).B;
}
