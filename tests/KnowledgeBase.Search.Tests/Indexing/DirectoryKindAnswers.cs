using System.Globalization;
using System.Text.Json;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;

namespace KnowledgeBase.Search.Tests.Indexing;

/// <summary>
/// An index written and searched through a directory of another kind answers as one read through
/// <see cref="Lucene.Net.Store.SimpleFSDirectory"/>: the same ids, scores, snippets, facets and totals (the directories'
/// tests share it: <see cref="PositionalFSDirectoryTests"/>, <see cref="MappedDirectoryTests"/>).
/// </summary>
internal static class DirectoryKindAnswers
{
    /// <summary>Writes an index of random passages through <paramref name="kind"/> into <paramref name="folder"/>, then asks both kinds the same questions.</summary>
    public static async Task AssertSameAsSimpleFSAsync(IndexDirectoryKind kind, string folder)
    {
        var random = new Random(11);
        var words = ("theo quy định của pháp luật về đất đai người sử dụng đất có quyền chuyển nhượng cho thuê thế chấp " +
            "ủy ban nhân dân tỉnh quyết định giá đất bệnh nhân cách ly tại cơ sở y tế sinh viên trường đại học học phí " +
            "hà nội sài gòn đà nẵng huế việt nam lịch sử văn hóa hiến pháp quốc hội chính phủ").Split(' ');
        string Sentence(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));

        // Written through it: several commits make several segments (compound files, read through slices) and merges,
        // which delete files that the refreshed readers still hold.
        using (var index = LuceneIndex.OpenFolder(folder, TimeSpan.FromMinutes(10), kind: kind))
        {
            for (var batch = 0; batch < 14; batch++)
            {
                for (var d = 0; d < 40; d++)
                {
                    var id = ((batch * 100) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                    var passages = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => Sentence(random.Next(5, 60))).ToArray();
                    var document = TestDocuments.Text(id, Sentence(random.Next(2, 6))) with
                    {
                        Collection = "Sở " + random.Next(4).ToString(CultureInfo.InvariantCulture),
                        Date = new DateOnly(2010 + random.Next(15), 1 + random.Next(12), 1),
                    };
                    index.Upsert(document, TestDocuments.Passages(id, passages));
                }

                await index.CommitAsync();
                Assert.True(index.WithSearcher(s => s.IndexReader.NumDocs) > 0);
            }
        }

        Assert.Contains(System.IO.Directory.GetFiles(folder), f => f.EndsWith(".cfs", StringComparison.Ordinal));
        var questions = Enumerable.Range(0, 40).Select(_ => Sentence(random.Next(1, 8))).Append("\"quyền sử dụng đất\"").ToList();
        var actual = Answers(folder, kind, questions);
        var simple = Answers(folder, IndexDirectoryKind.SimpleFS, questions);

        // Ids, scores, snippets, facets and totals: the whole answer, serialized.
        Assert.Equal(simple.Count, actual.Count);
        for (var i = 0; i < simple.Count; i++)
        {
            Assert.Equal(simple[i], actual[i]);
        }

        // Pages of passages found and highlighted, not empty pages compared with empty pages (the JSON escapes "<").
        Assert.True(simple.Count(a => a.Contains("\\u003Cmark\\u003E", StringComparison.Ordinal)) >= simple.Count / 2);
    }

    private static List<string> Answers(string folder, IndexDirectoryKind kind, List<string> questions)
    {
        using var index = LuceneIndex.OpenFolder(folder, TimeSpan.FromMinutes(10), kind: kind);
        var search = new LuceneSearchService(index);
        var answers = new List<string>();
        foreach (var question in questions)
        {
            foreach (var grouped in new[] { false, true })
            {
                var results = search.Search(new SearchRequest { Query = question, GroupByDocument = grouped, IncludeFacets = grouped, Highlight = true, PageSize = 10 });
                answers.Add(question + " " + JsonSerializer.Serialize(results with { Elapsed = TimeSpan.Zero }));
            }
        }

        return answers;
    }
}
