using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Indexing;

/// <summary><see cref="LuceneIndex.OptimizeAsync"/>: the force-merge of <c>kb optimize</c> and <c>POST /api/admin/optimize</c>.</summary>
public sealed class IndexOptimizeTests : IDisposable
{
    private static readonly string[] Topics =
    [
        "cải cách hành chính cấp tỉnh", "phòng chống ma túy trong trường học", "quyền sử dụng đất nông nghiệp",
        "thủ tục hành chính một cửa", "bảo hiểm xã hội tự nguyện", "giáo dục nghề nghiệp cho thanh niên",
    ];

    private static readonly string[] Queries = ["cải cách hành chính", "ma tuy", "đất nông nghiệp", "bảo hiểm", "thanh nien nghe", "thủ tục một cửa"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kb-optimize-" + Guid.NewGuid().ToString("N"));
    private readonly string _reference = Path.Combine(Path.GetTempPath(), "kb-optimize-ref-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Optimize_ManySegmentsAndADeletion_OneSegment_EveryLivePassageSearchable_DeletionApplied_SameResultsAsAFreshIndex()
    {
        using (var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10)))
        {
            // One commit a round: one segment each (the merge policy merges only past ten segments of a tier).
            for (var round = 0; round < 8; round++)
            {
                for (var d = 0; d < 4; d++)
                {
                    var n = (round * 4) + d;
                    index.Upsert(Document(n), PassagesOf(n));
                }

                await index.CommitAsync();
            }

            index.Delete(Id(5));
            index.Upsert(Document(9), PassagesOf(9, edited: true));
            await index.CommitAsync();
            Assert.True(index.SegmentCount >= 5, $"{index.SegmentCount} segments before the merge");
            var (live, all) = index.WithSearcher(s => (s.IndexReader.NumDocs, s.IndexReader.MaxDoc));
            Assert.True(all > live, "deleted passages still take room before the merge");

            var result = await index.OptimizeAsync(1);

            Assert.True(result.SegmentsBefore >= 5);
            Assert.Equal(1, result.SegmentsAfter);
            Assert.Equal(1, index.SegmentCount);
            Assert.Equal(live, index.PassageCount);
            Assert.Equal(live, index.WithSearcher(s => s.IndexReader.MaxDoc));
        }

        // Reopened: the merge was committed.
        using var reopened = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
        Assert.Equal(1, reopened.SegmentCount);
        var search = new LuceneSearchService(reopened);
        Assert.DoesNotContain(search.Search(new SearchRequest { Query = Tag(5), PageSize = 100 }).Hits, h => h.DocumentId == Id(5));
        Assert.Contains(search.Search(new SearchRequest { Query = "sửa đổi" }).Hits, h => h.DocumentId == Id(9));
        for (var n = 0; n < 32; n++)
        {
            if (n != 5)
            {
                Assert.Equal(PassagesOf(n, edited: n == 9).Count, search.Search(new SearchRequest { Query = Tag(n), PageSize = 100 }).Hits.Count(h => h.DocumentId == Id(n)));
            }
        }

        // The same hits with the same scores as an index written at once with the live documents only.
        using var fresh = LuceneIndex.OpenFolder(_reference, TimeSpan.FromMinutes(10));
        foreach (var n in Enumerable.Range(0, 32).Where(n => n is not 5 and not 9).Append(9))
        {
            fresh.Upsert(Document(n), PassagesOf(n, edited: n == 9));
        }

        await fresh.CommitAsync();
        var reference = new LuceneSearchService(fresh);
        foreach (var query in Queries)
        {
            var (expectedPassages, expectedScores) = Hits(reference, query);
            var (passages, scores) = Hits(search, query);
            Assert.Equal(expectedPassages, passages);
            Assert.Equal(expectedScores, scores);
        }
    }

    [Fact]
    public async Task Optimize_ToThreeSegments_LeavesAtMostThree_AndAPassageWrittenDuringTheMergeIsKept()
    {
        using var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
        for (var n = 0; n < 8; n++)
        {
            index.Upsert(Document(n), PassagesOf(n));
            await index.CommitAsync();
        }

        var merging = index.OptimizeAsync(3);
        index.Upsert(Document(20), PassagesOf(20));
        await index.CommitAsync();
        var result = await merging;

        Assert.Equal(8, result.SegmentsBefore);
        Assert.True(index.SegmentCount <= 4, $"{index.SegmentCount} segments");
        Assert.Equal(Enumerable.Range(0, 8).Append(20).Sum(n => PassagesOf(n).Count), index.PassageCount);
        Assert.NotEmpty(new LuceneSearchService(index).Search(new SearchRequest { Query = Tag(20) }).Hits);
    }

    [Fact]
    public async Task Optimize_DuringARebuild_IsRefused_AndBelowOneSegment_Too()
    {
        using var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10));
        index.Upsert(Document(1), PassagesOf(1));
        await index.CommitAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.OptimizeAsync(0));
        index.BeginRebuild();
        await Assert.ThrowsAsync<InvalidOperationException>(() => index.OptimizeAsync(1));
    }

    /// <summary>
    /// Every passage found (all fit in one page) and the scores, each in a stable order. Not each passage with its
    /// score: where passages tie in all but their document, which of them scores lower can follow the order of the
    /// passages in the index (seen on main too, with and without pruning: docs/performance.md, "Issue 11: segments of a
    /// bulk load"), and a merge reorders them.
    /// </summary>
    [Fact]
    public async Task Optimize_OnMappedFiles_TheMergedAwaySegmentsGiveTheirDiskSpaceBackSoon()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // reads /proc/self/maps; the product runs on Linux
        }

        using var index = LuceneIndex.OpenFolder(_folder, TimeSpan.FromMinutes(10), kind: IndexDirectoryKind.Mapped);
        for (var round = 0; round < 6; round++)
        {
            for (var d = 0; d < 4; d++)
            {
                index.Upsert(Document((round * 4) + d), PassagesOf((round * 4) + d));
            }

            await index.CommitAsync();
        }

        var search = new LuceneSearchService(index);
        foreach (var query in Queries)
        {
            Assert.NotEmpty(search.Search(new SearchRequest { Query = query }).Hits); // the segments' files are mapped
        }

        Assert.True(index.SegmentCount >= 5);
        await index.OptimizeAsync(1);

        // Lucene deleted the old segments' files; a deleted file still mapped keeps its disk space until the mapping
        // is collected. The optimize asks for that collection, so they go within moments, not at some later one.
        var deadline = DateTime.UtcNow.AddSeconds(3);
        while (DeletedButMapped(_folder).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Empty(DeletedButMapped(_folder));
        Assert.NotEmpty(search.Search(new SearchRequest { Query = Queries[0] }).Hits);
    }

    /// <summary>Files of <paramref name="folder"/> this process maps although they were deleted (Linux).</summary>
    private static List<string> DeletedButMapped(string folder) =>
        [.. File.ReadLines("/proc/self/maps").Where(line => line.Contains(" " + folder + "/", StringComparison.Ordinal) && line.EndsWith(" (deleted)", StringComparison.Ordinal))];

    private static (List<string> Passages, List<float> Scores) Hits(LuceneSearchService search, string query)
    {
        var hits = search.Search(new SearchRequest { Query = query, PageSize = 100, Highlight = false }).Hits;
        Assert.InRange(hits.Count, 1, 99);
        return ([.. hits.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.DocumentId}/{h.Ordinal}")).Order(StringComparer.Ordinal)], [.. hits.Select(h => h.Score).Order()]);
    }

    /// <summary>A word only document <paramref name="n"/>'s passages hold (letters only: one token).</summary>
    private static string Tag(int n) => "zq" + new string([.. n.ToString("D3", CultureInfo.InvariantCulture).Select(c => (char)('a' + (c - '0')))]);

    private static string Id(int n) => n.ToString("x16", CultureInfo.InvariantCulture);

    private static DocumentInfo Document(int n) => TestDocuments.Text(Id(n), $"Tài liệu {Topics[n % Topics.Length]} {Tag(n)}");

    private static List<Passage> PassagesOf(int n, bool edited = false) => TestDocuments.Passages(
        Id(n),
        [.. Enumerable.Range(0, 2 + (n % 3)).Select(p => $"Đoạn {p} về {Topics[(n + p) % Topics.Length]}, {Tag(n)}{(edited ? " bản sửa đổi" : string.Empty)}.")]);

    public void Dispose()
    {
        foreach (var folder in new[] { _folder, _reference })
        {
            if (System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.Delete(folder, recursive: true);
            }
        }
    }
}
