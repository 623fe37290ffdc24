using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Search.Analysis;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace KnowledgeBase.Search.Tests.Indexing;

/// <summary>
/// Analysing text and title once for their exact, folded and paired fields (<see cref="SharedAnalysis"/>), and adding
/// documents on several threads (<see cref="LuceneIndex.UpsertMany"/>), index exactly what the per-field analyzers
/// indexed before: every field's terms, their document and total frequencies, each passage's postings with positions,
/// its norms and its stored fields.
/// </summary>
public sealed class SharedAnalysisIndexTests
{
    private static readonly string[] TextFields = [IndexFields.Text, IndexFields.TextFolded, IndexFields.TextBigrams, IndexFields.Title, IndexFields.TitleFolded, IndexFields.TitleBigrams];
    private static readonly string[] Words =
    [
        "Cải", "cách", "hành", "chính", "đăng", "ký", "hộ", "tịch", "ĐẤT", "đai", "hoà", "hòa", "thuỷ", "thủy", "Nghị", "định",
        "15/2020/NĐ-CP", "số", "123", "ngày", "1.5", "Đà", "Nẵng", "UBND", "tỉnh,", "quy", "định:", "điều", "(a)", "khoản", "đ)", "x.y-z", "Quốc", "hội.",
        "Hoa\u0300", "Đa\u0323i", "ĐĐ", "COVID-19", "TP.HCM", "30c/NQ-CP", "\n\n", "—", "İstanbul", "x²",
    ];

    [Fact]
    public async Task SharedAnalysis_OneByOneAndInBulk_IndexesTheSameTermsPostingsNormsAndStoredFields()
    {
        var documents = Generate(new Random(17), 70);
        using var before = new RAMDirectory();
        using (var writer = new IndexWriter(before, new IndexWriterConfig(LuceneSettings.Version, IndexAnalyzers.Create()) { Similarity = Ranking.Similarity }))
        {
            foreach (var (document, passages) in documents)
            {
                foreach (var passage in passages)
                {
                    writer.AddDocument(AnalysedPerField(document, passage));
                }
            }
        }

        using var oneByOne = LuceneIndex.InMemory();
        foreach (var (document, passages) in documents)
        {
            oneByOne.Upsert(document, passages);
        }

        using var bulk = LuceneIndex.InMemory();
        foreach (var batch in documents.Chunk(9))
        {
            bulk.UpsertMany(batch);
        }

        await oneByOne.CommitAsync();
        await bulk.CommitAsync();
        using var expected = DirectoryReader.Open(before);
        Assert.Equal(documents.Sum(d => d.Passages.Count), expected.NumDocs);
        oneByOne.WithSearcher(s => AssertSameIndex(expected, s.IndexReader));
        bulk.WithSearcher(s => AssertSameIndex(expected, s.IndexReader));
    }

    /// <summary>The passage as it was indexed before: each text field analysed from the string by its field's analyzer.</summary>
    private static Document AnalysedPerField(DocumentInfo document, Passage passage)
    {
        var doc = PassageDocuments.Create(document, passage);
        foreach (var field in TextFields)
        {
            doc.RemoveFields(field);
        }

        doc.Add(new TextField(IndexFields.Text, passage.Text, Field.Store.YES));
        doc.Add(new TextField(IndexFields.TextFolded, passage.Text, Field.Store.NO));
        doc.Add(new TextField(IndexFields.TextBigrams, passage.Text, Field.Store.NO));
        doc.Add(new TextField(IndexFields.Title, document.Title, Field.Store.YES));
        doc.Add(new TextField(IndexFields.TitleFolded, document.Title, Field.Store.NO));
        doc.Add(new TextField(IndexFields.TitleBigrams, document.Title, Field.Store.NO));
        return doc;
    }

    private static bool AssertSameIndex(IndexReader expected, IndexReader actual)
    {
        Assert.Equal(expected.NumDocs, actual.NumDocs);
        var expectedIds = PassageIds(expected);
        var actualIds = PassageIds(actual);
        var fields = MultiFields.GetFields(expected).ToList();
        Assert.Equal(fields.Order(StringComparer.Ordinal), MultiFields.GetFields(actual).Order(StringComparer.Ordinal));
        Assert.Contains(IndexFields.TextBigrams, fields);
        foreach (var field in fields)
        {
            var expectedTerms = MultiFields.GetTerms(expected, field).GetEnumerator();
            var actualTerms = MultiFields.GetTerms(actual, field).GetEnumerator();
            while (expectedTerms.MoveNext())
            {
                Assert.True(actualTerms.MoveNext(), $"{field}: {expectedTerms.Term.Utf8ToString()} missing");
                Assert.Equal(expectedTerms.Term.Utf8ToString(), actualTerms.Term.Utf8ToString());
                Assert.Equal(expectedTerms.DocFreq, actualTerms.DocFreq);
                Assert.Equal(expectedTerms.TotalTermFreq, actualTerms.TotalTermFreq);
                Assert.Equal(Postings(expectedTerms, expectedIds), Postings(actualTerms, actualIds));
            }

            Assert.False(actualTerms.MoveNext(), $"{field}: more terms than before");
            var expectedNorms = MultiDocValues.GetNormValues(expected, field);
            var actualNorms = MultiDocValues.GetNormValues(actual, field);
            Assert.Equal(expectedNorms is null, actualNorms is null);
            if (expectedNorms is not null)
            {
                Assert.Equal(
                    Enumerable.Range(0, expected.MaxDoc).Select(d => (expectedIds[d], expectedNorms.Get(d))).Order(),
                    Enumerable.Range(0, actual.MaxDoc).Select(d => (actualIds[d], actualNorms!.Get(d))).Order());
            }
        }

        Assert.Equal(StoredFields(expected, expectedIds), StoredFields(actual, actualIds));
        return true;
    }

    private static List<string> Postings(TermsEnum terms, string[] ids)
    {
        var postings = new List<string>();
        var positions = terms.DocsAndPositions(null, null);
        if (positions is null)
        {
            var docs = terms.Docs(null, null);
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                postings.Add(ids[docs.DocID] + ":" + docs.Freq.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            while (positions.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                var at = Enumerable.Range(0, positions.Freq).Select(_ => positions.NextPosition().ToString(CultureInfo.InvariantCulture));
                postings.Add(ids[positions.DocID] + ":" + string.Join(',', at));
            }
        }

        postings.Sort(StringComparer.Ordinal);
        return postings;
    }

    private static string[] PassageIds(IndexReader reader) =>
        [.. Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get(IndexFields.Id, CultureInfo.InvariantCulture))];

    private static List<string> StoredFields(IndexReader reader, string[] ids) =>
        [.. Enumerable.Range(0, reader.MaxDoc)
            .Select(d => ids[d] + " " + string.Join(" | ", reader.Document(d).Fields.Select(f => f.Name + "=" + (f.GetStringValue(CultureInfo.InvariantCulture) ?? f.GetInt32Value()?.ToString(CultureInfo.InvariantCulture))).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];

    private static List<(DocumentInfo Document, IReadOnlyList<Passage> Passages)> Generate(Random random, int count)
    {
        string Text(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Words[random.Next(Words.Length)]));
        return [.. Enumerable.Range(1, count).Select(n =>
        {
            var id = n.ToString("x16", CultureInfo.InvariantCulture);
            var document = TestDocuments.Text(id, Text(1, 8)) with { Date = new DateOnly(2000 + (n % 20), 1, 1), Collection = "bộ " + (n % 3), Tags = n % 2 == 0 ? ["cchc"] : [] };
            var passages = TestDocuments.Passages(id, [.. Enumerable.Range(0, random.Next(1, 7)).Select(_ => Text(0, 60))]);
            return (document, (IReadOnlyList<Passage>)passages);
        })];
    }
}
