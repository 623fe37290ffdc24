using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Pruning;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Testing;
using Xunit.Abstractions;

using static KnowledgeBase.Search.Tests.Pruning.TopDocsAssertions;

namespace KnowledgeBase.Search.Tests.Pruning;

/// <summary>
/// The pruned search shared by several threads (<see cref="LuceneSearchService.ParallelSearch"/>) returns the
/// same top k — documents, order, scores — as one thread, and as Lucene scoring every match: on several segments with
/// deleted passages and on one force-merged segment (split within it), with and without an audience's filter, for k =
/// 10, 20 and 2,000; its totals are exact when it says so. The service splits a search only while cores are idle.
/// </summary>
public sealed class ParallelMaxScoreTests : IDisposable
{
    private static readonly string[] Vocabulary = GeneratedText.Vocabulary;
    private static readonly Audience PublicOnly = Audience.Of(DocumentVisibility.Public);

    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly LuceneIndex _merged = LuceneIndex.InMemory();
    private readonly Random _random = new(20261208);
    private readonly ITestOutputHelper _output;

    public ParallelMaxScoreTests(ITestOutputHelper output)
    {
        _output = output;
        var visibilities = Enum.GetValues<DocumentVisibility>();
        foreach (var index in new[] { _index, _merged })
        {
            for (var batch = 0; batch < 4; batch++)
            {
                for (var d = 0; d < 250; d++)
                {
                    var id = ((batch * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                    var passages = Enumerable.Range(0, 1 + _random.Next(6)).Select(_ => Sentence(_random.Next(6, 80))).ToArray();
                    var document = TestDocuments.Text(id, Sentence(_random.Next(2, 8))) with
                    {
                        Collection = _random.Next(2) == 0 ? "Sở Tư pháp" : "Bộ Y tế",
                        Visibility = visibilities[_random.Next(visibilities.Length)],
                    };
                    index.Upsert(document, TestDocuments.Passages(id, passages));
                }

                // Deleted passages stay in the segment until merged: re-index a few documents of the previous batch.
                for (var d = 0; d < 15 && batch > 0; d++)
                {
                    var id = (((batch - 1) * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                    index.Upsert(TestDocuments.Text(id, Sentence(3)), TestDocuments.Passages(id, Sentence(40), Sentence(15)));
                }

                index.CommitAsync().GetAwaiter().GetResult();
            }
        }

        _merged.OptimizeAsync(1).GetAwaiter().GetResult();
        // Deletions in the single segment too.
        for (var d = 0; d < 20; d++)
        {
            var id = (2000 + d + 1).ToString("x16", CultureInfo.InvariantCulture);
            _merged.Upsert(TestDocuments.Text(id, Sentence(3)), TestDocuments.Passages(id, Sentence(30)));
        }

        _merged.CommitAsync().GetAwaiter().GetResult();
    }

    public static TheoryData<bool, int, bool, int> Shapes => new()
    {
        { false, 10, false, 2 }, { false, 10, true, 2 }, { false, 20, false, 3 }, { false, 2000, true, 2 },
        { true, 10, false, 2 }, { true, 20, true, 2 }, { true, 20, false, 4 }, { true, 2000, false, 2 }, { true, 2000, true, 3 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void RandomQuestions_Parallel_SameTopKAsOneThread_AndAsExhaustiveScoring(bool merged, int k, bool publicOnly, int threads)
    {
        var index = merged ? _merged : _index;
        var filter = publicOnly ? SearchFilterBuilder.Build(PublicOnly) : null;
        // Merged: one segment of nearly every passage (the re-indexed ones in a small second), split within it.
        var (segments, largest) = index.WithSearcher(s => (s.IndexReader.Leaves.Count, s.IndexReader.Leaves.Max(l => l.AtomicReader.MaxDoc) / (double)s.IndexReader.MaxDoc));
        Assert.True(merged ? largest > 0.9 : segments >= 3, $"{segments} segments, the largest {largest:P0} of the passages");
        int compared = 0, identical = 0, estimated = 0;
        for (var q = 0; q < 40; q++)
        {
            var text = GeneratedText.Question(_random, Vocabulary);
            var outcome = index.WithSearcher(searcher =>
            {
                var query = new QueryBuilder().Build(UserQueryParser.Parse(text), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
                return (Exhaustive: searcher.Search(query, filter, k),
                    One: MaxScoreSearch.TrySearch(searcher, query, filter, k, WindowMaxScore.ClauseOrder.Density, threads: 1, parallelPostings: 0),
                    Split: MaxScoreSearch.TrySearch(searcher, query, filter, k, WindowMaxScore.ClauseOrder.Density, threads, parallelPostings: 0, minChunk: 100));
            });
            if (outcome.One is null)
            {
                Assert.Null(outcome.Split);
                continue;
            }

            Assert.NotNull(outcome.Split);
            compared++;
            Assert.Equal(1, outcome.One.Slices);
            // Four chunks a thread: a thread's later chunks of a segment continue with its scorers.
            Assert.Equal(threads * 4, outcome.Split.Slices);
            AssertSameTop(text, outcome.Exhaustive, outcome.Split.TopDocs);
            AssertSameTop(text, outcome.One.TopDocs, outcome.Split.TopDocs);
            Assert.Equal(outcome.One.TopDocs.MaxScore, outcome.Split.TopDocs.MaxScore, 5);
            identical += outcome.One.TopDocs.ScoreDocs.Select(d => (d.Doc, d.Score)).SequenceEqual(outcome.Split.TopDocs.ScoreDocs.Select(d => (d.Doc, d.Score))) ? 1 : 0;

            // Totals: exact when not marked estimated; an estimate is at least the passages found.
            if (!outcome.Split.TotalIsEstimate)
            {
                Assert.Equal(outcome.Exhaustive.TotalHits, outcome.Split.TopDocs.TotalHits);
            }
            else
            {
                estimated++;
                Assert.InRange(outcome.Split.TopDocs.TotalHits, outcome.Split.TopDocs.ScoreDocs.Length, int.MaxValue);
            }

            if (!publicOnly && outcome.Split.TotalIsEstimate)
            {
                // Unfiltered, the estimate (the most frequent clause's passages, or the matches seen when more) stays
                // near the true count however the passages are split (the one-thread estimate too).
                Assert.InRange(outcome.Split.TopDocs.TotalHits, outcome.Exhaustive.TotalHits / 4, outcome.Exhaustive.TotalHits * 1.05);
                Assert.InRange(outcome.One.TopDocs.TotalHits, outcome.Exhaustive.TotalHits / 4, outcome.Exhaustive.TotalHits * 1.05);
            }
        }

        _output.WriteLine($"merged={merged} k={k} filter={publicOnly} threads={threads}: {compared} compared, {identical} bit-identical to one thread, {estimated} estimated totals");
        Assert.True(compared >= 30, $"only {compared} of 40 questions were searched with pruning");
        Assert.True(k >= 2000 || estimated >= 5, $"only {estimated} searches pruned");
    }

    [Fact]
    public void Split_CoversEveryPassageOnce_InOrder_InSlicesOfAboutAsManyPassages()
    {
        _index.WithSearcher(searcher =>
        {
            var leaves = searcher.IndexReader.Leaves;
            var total = leaves.Sum(l => l.AtomicReader.MaxDoc);
            for (var count = 1; count <= 4; count++)
            {
                var parts = MaxScoreSearch.Split(leaves, count);
                Assert.Equal(count, parts.Length);
                var next = 0;
                foreach (var part in parts)
                {
                    var size = 0;
                    foreach (var (leaf, from, to) in part)
                    {
                        Assert.Equal(next, leaves[leaf].DocBase + from);
                        Assert.True(from < to && to <= leaves[leaf].AtomicReader.MaxDoc);
                        next = leaves[leaf].DocBase + to;
                        size += to - from;
                    }

                    Assert.InRange(size, (total / count) - 1, (total / count) + 1);
                }

                Assert.Equal(total, next);
            }

            return 0;
        });
    }

    [Fact]
    public void SharedThreshold_OnlyRises_UnderConcurrentRaises()
    {
        var shared = new SharedThreshold();
        Assert.Equal(float.NegativeInfinity, shared.Value);
        Parallel.For(0, 10_000, i => shared.Raise((i * 7919 % 10_000) / 10f));
        Assert.Equal(999.9f, shared.Value);
        shared.Raise(5f);
        Assert.Equal(999.9f, shared.Value);
    }

    [Fact]
    public void SharedThreshold_LowestOfTheThreadsRankScores_OnceEveryThreadPublished()
    {
        // Two threads, k = 10: each publishing its 5th best score; together they hold 10 passages scoring at least the lower.
        var shared = new SharedThreshold(threads: 2);
        Assert.Equal(5, shared.Rank(10));
        Assert.Equal(4, new SharedThreshold(threads: 3).Rank(10));
        shared.RaiseRank(0, 7f);
        Assert.Equal(float.NegativeInfinity, shared.Value);
        shared.RaiseRank(1, 6f);
        Assert.Equal(6f, shared.Value);
        shared.RaiseRank(1, 5f);
        Assert.Equal(6f, shared.Value);
        shared.Raise(6.5f);
        Assert.Equal(6.5f, shared.Value);
        shared.RaiseRank(1, 8f);
        Assert.Equal(7f, shared.Value);
    }

    [Fact]
    public void SearchService_Parallel_SamePagesAsOneThread_GroupedWithFacetsAndPlain()
    {
        var parallel = new LuceneSearchService(_merged) { ParallelSearch = true, ParallelPostings = 0, Load = new SearchLoad(), Processors = 2, FacetDepth = 150 };
        var single = new LuceneSearchService(_merged) { ParallelSearch = false, FacetDepth = 150 };
        for (var q = 0; q < 30; q++)
        {
            var grouped = q % 2 == 0;
            var request = new SearchRequest
            {
                Query = GeneratedText.Question(_random, Vocabulary),
                PageSize = 10,
                Page = q % 5 == 0 ? 2 : 1,
                GroupByDocument = grouped,
                IncludeFacets = grouped,
                Highlight = false,
            };
            var (a, b) = (parallel.Search(request), single.Search(request));
            Assert.Equal(b.Hits.Select(h => (h.PassageId, h.Score)), a.Hits.Select(h => (h.PassageId, h.Score)));
            Assert.Equal(b.Groups.Select(g => (g.DocumentId, g.MatchingPassages)), a.Groups.Select(g => (g.DocumentId, g.MatchingPassages)));
            Assert.Equal(b.Facets.SelectMany(f => f.Values.Select(v => (f.Field, v.Value, v.Count))), a.Facets.SelectMany(f => f.Values.Select(v => (f.Field, v.Value, v.Count))));
            Assert.Equal(b.TotalHitsEstimated, a.TotalHitsEstimated);
            if (!b.TotalHitsEstimated)
            {
                Assert.Equal(b.TotalHits, a.TotalHits);
                Assert.Equal(b.TotalDocuments, a.TotalDocuments);
            }
        }

        Assert.True(parallel.ParallelSearches >= 20, $"only {parallel.ParallelSearches} searches split");
        Assert.Equal(0, single.ParallelSearches);
    }

    [Fact]
    public void SearchService_StaysOnOneThread_WhenEveryCoreHasASearch_OrTheSearchIsLight()
    {
        var load = new SearchLoad();
        var search = new LuceneSearchService(_merged) { ParallelSearch = true, ParallelPostings = 0, Load = load, Processors = 2 };
        var request = new SearchRequest { Query = string.Join(' ', Vocabulary.Take(30)), PageSize = 10, Highlight = false };

        // Idle: this search is the only one in flight, a core is free.
        var alone = search.Search(request);
        Assert.Equal(1, search.ParallelSearches);

        // Another search in flight on the second core: this one keeps to its thread.
        using (load.Enter())
        {
            var busy = search.Search(request);
            Assert.Equal(1, search.ParallelSearches);
            Assert.Equal(alone.Hits.Select(h => (h.PassageId, h.Score)), busy.Hits.Select(h => (h.PassageId, h.Score)));
        }

        Assert.Equal(0, load.InFlight);
        search.Search(request);
        Assert.Equal(2, search.ParallelSearches);

        // A light search (fewer postings than the threshold) is not split either.
        var light = new LuceneSearchService(_merged) { ParallelSearch = true, Load = new SearchLoad(), Processors = 2 };
        light.Search(request);
        Assert.Equal(0, light.ParallelSearches);
    }

    [Fact]
    public void SearchLoad_Threads_AreTheCoresOtherSearchesLeaveIdle()
    {
        var load = new SearchLoad();
        using (load.Enter())
        {
            Assert.Equal(2, load.Threads(2, 4));
            Assert.Equal(4, load.Threads(8, 4));
            using (load.Enter())
            {
                Assert.Equal(1, load.Threads(2, 4));
                Assert.Equal(3, load.Threads(4, 4));
            }
        }

        Assert.Equal(0, load.InFlight);
    }

    [Fact]
    public void ParallelSearch_IsOnByDefault()
    {
        Assert.True(SearchOptions.DefaultParallelSearch);
        Assert.True(new SearchOptions().ParallelSearch);
        Assert.True(new LuceneSearchService(_index).ParallelSearch);
    }

    [Fact]
    public async Task ManyConcurrentSplitSearches_OnASaturatedPool_FinishWithTheSameResults()
    {
        // More split searches at once than pool threads: a slice whose task has not started is run by its caller.
        var questions = Enumerable.Range(0, 24).Select(_ => GeneratedText.Question(_random, Vocabulary)).ToArray();
        var expected = questions.Select(q => Search(q, threads: 1)).ToArray();
        var tasks = questions.Select((q, i) => Task.Run(() => (i, Search(q, threads: 2)))).ToArray();
        foreach (var (i, actual) in await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2)))
        {
            Assert.Equal(expected[i], actual);
        }

        string Search(string text, int threads) => _merged.WithSearcher(searcher =>
        {
            var query = new QueryBuilder().Build(UserQueryParser.Parse(text), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
            var top = MaxScoreSearch.TrySearch(searcher, query, null, 20, WindowMaxScore.ClauseOrder.Density, threads, parallelPostings: 0)?.TopDocs;
            return top is null ? "declined" : string.Join(',', top.ScoreDocs.Select(d => d.Doc));
        });
    }

    public void Dispose()
    {
        _index.Dispose();
        _merged.Dispose();
    }

    private string Sentence(int length) => GeneratedText.Sentence(_random, Vocabulary, length);
}
