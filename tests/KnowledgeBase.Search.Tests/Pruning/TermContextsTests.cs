using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Pruning;
using KnowledgeBase.Testing;
using Lucene.Net.Index;

namespace KnowledgeBase.Search.Tests.Pruning;

/// <summary>The pruned search's looked-up terms are kept per reader and equal a fresh lookup.</summary>
public sealed class TermContextsTests
{
    [Fact]
    public async Task SameReader_SameTerm_LookedUpOnce_ANewReader_LooksUpAgain()
    {
        using var index = LuceneIndex.InMemory();
        index.Upsert(TestDocuments.Text("0000000000000001", "đất đai"), TestDocuments.Passages("0000000000000001", "quyền sử dụng đất", "giá đất"));
        await index.CommitAsync();

        var (first, again, fresh) = index.WithSearcher(s =>
        {
            var term = new Term(IndexFields.Text, "đất");
            return (TermContexts.For(s.TopReaderContext, term), TermContexts.For(s.TopReaderContext, new Term(IndexFields.Text, "đất")), TermContext.Build(s.TopReaderContext, term));
        });

        Assert.Same(first, again);
        Assert.Equal(fresh.DocFreq, first.DocFreq);
        Assert.Equal(fresh.TotalTermFreq, first.TotalTermFreq);

        index.Upsert(TestDocuments.Text("0000000000000002", "đất"), TestDocuments.Passages("0000000000000002", "đất đất"));
        await index.CommitAsync();
        var reopened = index.WithSearcher(s => TermContexts.For(s.TopReaderContext, new Term(IndexFields.Text, "đất")));

        Assert.NotSame(first, reopened);
        Assert.Equal(first.DocFreq + 1, reopened.DocFreq);
    }
}
