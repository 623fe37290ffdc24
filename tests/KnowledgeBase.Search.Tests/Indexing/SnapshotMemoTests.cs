using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Indexing;

public sealed class SnapshotMemoTests : IDisposable
{
    private readonly LuceneIndex _index = LuceneIndex.InMemory();

    [Fact]
    public void GetOrAdd_SameSnapshotAndKey_WorksTheAnswerOutOnce()
    {
        var memo = new SnapshotMemo<string>(10);
        var computed = 0;

        var answers = _index.WithSearcher(s => new[]
        {
            memo.GetOrAdd(s.IndexReader, "k", 1, n => $"v{computed += n}"),
            memo.GetOrAdd(s.IndexReader, "k", 1, n => $"v{computed += n}"),
        });

        Assert.Equal(["v1", "v1"], answers);
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task GetOrAdd_InABypassScope_WorksEveryAnswerOut_InItsTasksToo_AndOnlyThere()
    {
        var memo = new SnapshotMemo<int>(10);
        var computed = 0;
        int Ask() => _index.WithSearcher(s => memo.GetOrAdd(s.IndexReader, "k", 0, _ => ++computed));

        using (SnapshotMemoScope.Bypass())
        {
            Assert.Equal(1, Ask());
            Assert.Equal(2, Ask());
            Assert.Equal(3, await Task.Run(Ask));
            Assert.Equal(0, _index.WithSearcher(s => memo.CountFor(s.IndexReader)));
        }

        Assert.Equal(4, Ask());
        Assert.Equal(4, Ask());
        Assert.Equal(4, computed);

        // A snapshot's structure rather than an answer: kept in the scope too.
        var structure = new SnapshotMemo<int>(10, bypassable: false);
        var built = 0;
        using (SnapshotMemoScope.Bypass())
        {
            _index.WithSearcher(s => structure.GetOrAdd(s.IndexReader, "k", 0, _ => ++built));
            _index.WithSearcher(s => structure.GetOrAdd(s.IndexReader, "k", 0, _ => ++built));
        }

        Assert.Equal(1, built);
    }

    [Fact]
    public async Task GetOrAdd_NewSnapshot_StartsEmpty()
    {
        var memo = new SnapshotMemo<int>(10);
        var first = _index.WithSearcher(s => (s.IndexReader, memo.GetOrAdd(s.IndexReader, "passages", s, x => x.IndexReader.NumDocs)));
        _index.Upsert(TestDocuments.Text("0000000000000001"), TestDocuments.Passages("0000000000000001", "Cải cách hành chính."));
        await _index.CommitAsync();

        var second = _index.WithSearcher(s => (s.IndexReader, memo.GetOrAdd(s.IndexReader, "passages", s, x => x.IndexReader.NumDocs)));

        Assert.NotSame(first.IndexReader, second.IndexReader);
        Assert.Equal((0, 1), (first.Item2, second.Item2));
    }

    [Fact]
    public void GetOrAdd_PastTheCapacity_KeepsAtMostThatMany()
    {
        var memo = new SnapshotMemo<int>(3);

        var held = _index.WithSearcher(s =>
        {
            for (var i = 0; i < 10; i++)
            {
                memo.GetOrAdd(s.IndexReader, $"k{i}", i, n => n);
            }

            return memo.CountFor(s.IndexReader);
        });

        Assert.InRange(held, 1, 3);
    }

    public void Dispose() => _index.Dispose();
}
