using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Collecting;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Pruning;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Testing;
using Lucene.Net.Search;
using Xunit.Abstractions;

namespace KnowledgeBase.Search.Tests.Collecting;

/// <summary>
/// The matching passages a page of groups shows after a pruned search, counted clause by clause
/// (<see cref="DocumentMatches"/>), are the passages the query ANDed with the documents' ids finds through the same
/// filter — the count the page showed before — for random questions built by the real <see cref="QueryBuilder"/>, on a
/// generated index of several segments with deleted passages and three visibilities.
/// </summary>
public sealed class DocumentMatchesTests : IDisposable
{
    private static readonly string[] Vocabulary = GeneratedText.Vocabulary;

    private readonly LuceneIndex _index = LuceneIndex.InMemory();
    private readonly Random _random = new(2026_12_08);
    private readonly List<string> _ids = [];
    private readonly ITestOutputHelper _output;

    public DocumentMatchesTests(ITestOutputHelper output)
    {
        _output = output;
        var visibilities = Enum.GetValues<DocumentVisibility>();
        for (var batch = 0; batch < 4; batch++)
        {
            for (var d = 0; d < 120; d++)
            {
                var id = ((batch * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                // 1 to 15 passages, some of two words only: passages a long question does not match are there too.
                var passages = Enumerable.Range(0, 1 + _random.Next(15)).Select(_ => Sentence(_random.Next(3) == 0 ? 2 : _random.Next(8, 80))).ToArray();
                var document = TestDocuments.Text(id, Sentence(_random.Next(2, 6))) with { Visibility = visibilities[_random.Next(visibilities.Length)] };
                _index.Upsert(document, TestDocuments.Passages(id, passages));
                _ids.Add(id);
            }

            // Deleted passages stay in the segment until merged: re-index a few documents of the previous batch.
            for (var d = 0; d < 10 && batch > 0; d++)
            {
                var id = (((batch - 1) * 1000) + d + 1).ToString("x16", CultureInfo.InvariantCulture);
                _index.Upsert(TestDocuments.Text(id, Sentence(3)), TestDocuments.Passages(id, Sentence(40), Sentence(2), Sentence(25)));
            }

            _index.CommitAsync().GetAwaiter().GetResult();
        }
    }

    [Fact]
    public void RandomQuestionsAndPages_SameMatchingPassagesAsTheConjunction()
    {
        var compared = 0;
        var partial = 0;
        for (var q = 0; q < 80; q++)
        {
            var text = Question();
            var filter = (q % 3) switch
            {
                0 => null,
                1 => SearchFilterBuilder.Build(Audience.Of(DocumentVisibility.Public)),
                _ => SearchFilterBuilder.Build(Audience.User("someone")),
            };

            // A page of documents: some that match, some that do not, one unknown id, one twice.
            List<string> page = [.. Enumerable.Range(0, 1 + _random.Next(12)).Select(_ => _ids[_random.Next(_ids.Count)]), "ffffffffffffffff"];
            page.Add(page[0]);
            var outcome = _index.WithSearcher<(DocumentCollector Expected, DocumentCollector Actual, int Passages)?>(searcher =>
            {
                var query = new QueryBuilder().Build(UserQueryParser.Parse(text), searcher.IndexReader, LearnedAcronyms.TableFor(searcher.IndexReader));
                if (searcher.Rewrite(query) is not BooleanQuery disjunction || !ClauseBound.IsPlainDisjunction(disjunction))
                {
                    return null;
                }

                var expected = LuceneSearchService.CountByConjunction(searcher, query, filter, page);
                var actual = DocumentMatches.Count(searcher, disjunction, filter, page);
                var passages = page.Distinct(StringComparer.Ordinal).Sum(id => searcher.Search(new TermQuery(new Lucene.Net.Index.Term(IndexFields.DocumentId, id)), filter, 1).TotalHits);
                return (Expected: expected, Actual: actual, Passages: passages);
            });
            if (outcome is not { } counts)
            {
                continue;
            }

            compared++;
            Assert.All(page, id => Assert.True(
                counts.Expected.MatchingPassages(id) == counts.Actual.MatchingPassages(id),
                $"'{text}' {id}: {counts.Expected.MatchingPassages(id)} vs {counts.Actual.MatchingPassages(id)} matching passages"));
            Assert.Equal(counts.Expected.TotalDocuments, counts.Actual.TotalDocuments);
            var matched = page.Distinct(StringComparer.Ordinal).Sum(counts.Actual.MatchingPassages);
            partial += matched < counts.Passages ? 1 : 0;
        }

        _output.WriteLine($"{compared} questions compared, {partial} with passages of the page that do not match");
        Assert.True(compared >= 60, $"only {compared} of 80 questions were flat disjunctions");
        Assert.True(partial >= 10, $"only {partial} questions left passages of the page unmatched");
    }

    [Fact]
    public void NoDocuments_NothingCounted()
    {
        _index.WithSearcher(searcher =>
        {
            var query = new BooleanQuery { { new TermQuery(new Lucene.Net.Index.Term(IndexFields.Text, "đất")), Occur.SHOULD }, { new TermQuery(new Lucene.Net.Index.Term(IndexFields.Text, "luật")), Occur.SHOULD } };
            var counter = DocumentMatches.Count(searcher, query, null, []);
            Assert.Equal(0, counter.TotalDocuments);
            return 0;
        });
    }

    [Fact]
    public void RequiredClause_Refused()
    {
        _index.WithSearcher(searcher =>
        {
            var query = new BooleanQuery { { new TermQuery(new Lucene.Net.Index.Term(IndexFields.Text, "đất")), Occur.MUST } };
            Assert.Throws<ArgumentException>(() => DocumentMatches.Count(searcher, query, null, [_ids[0]]));
            return 0;
        });
    }

    public void Dispose() => _index.Dispose();

    private string Sentence(int length) => GeneratedText.Sentence(_random, Vocabulary, length);

    private string Question() => GeneratedText.Question(_random, Vocabulary);
}
