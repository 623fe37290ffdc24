using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Analysis;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Testing;
using KnowledgeBase.Vietnamese.Acronyms;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace KnowledgeBase.Search.Tests.Indexing;

/// <summary>
/// Analysing text and title once for their exact, folded and paired fields (<see cref="AnalysedText"/>, the title once
/// per document), filling one reused set of fields per thread (<see cref="PassageDocumentBuilder"/>) and adding
/// documents on the index's writer threads (<see cref="LuceneIndex.UpsertMany"/>, <see cref="LuceneIndex.StartLoad"/> with commits
/// made while they add), index exactly what the per-field analyzers and
/// fresh fields indexed before: every field's terms, their document and total frequencies, each passage's postings with
/// positions, its norms, its stored fields and its doc values.
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
        using var before = ReferenceIndex(documents);

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

        // A streamed load (kb bench search, kb reindex): the writer threads go on while each commit runs.
        using var loaded = LuceneIndex.InMemory();
        var load = loaded.StartLoad();
        var commits = new List<Task>();
        for (var i = 0; i < documents.Count; i++)
        {
            await load.AddAsync(documents[i].Document, documents[i].Passages);
            if (i % 11 == 10)
            {
                var added = load.WhenAddedAsync();
                commits.Add(Task.Run(async () =>
                {
                    Assert.Empty(await added);
                    await loaded.CommitAsync();
                }));
            }
        }

        Assert.Empty(await load.WhenAddedAsync());
        await Task.WhenAll(commits);

        await oneByOne.CommitAsync();
        await bulk.CommitAsync();
        await loaded.CommitAsync();
        using var expected = DirectoryReader.Open(before);
        Assert.Equal(documents.Sum(d => d.Passages.Count), expected.NumDocs);
        oneByOne.WithSearcher(s => AssertSameIndex(expected, s.IndexReader));
        bulk.WithSearcher(s => AssertSameIndex(expected, s.IndexReader));
        loaded.WithSearcher(s => AssertSameIndex(expected, s.IndexReader));
    }

    /// <summary>
    /// The acronyms a title defines are found once per document (<see cref="PassageDocumentBuilder"/>) and indexed with
    /// every passage's own, as when each passage looked at its title again: titles with and without acronyms in turn, passages
    /// repeating the title's pair, defining their own, or none.
    /// </summary>
    [Fact]
    public async Task TitleAcronyms_FoundOncePerDocument_IndexedWithEachPassage_AsBefore()
    {
        string[] titles = ["Ủy ban nhân dân (UBND) tỉnh", "Quy định chung", "Cải cách hành chính (CCHC) và Hội đồng nhân dân (HĐND)", "CCHC (cải cách hành chính)"];
        string[] texts = ["UBND tỉnh (Ủy ban nhân dân) họp", "Hội đồng nhân dân (sau đây gọi tắt là HĐND) quyết định", "không có gì", "cải cách hành chính (CCHC)", "(a) khoản"];
        var documents = Enumerable.Range(0, 12).Select(n =>
        {
            var id = n.ToString("x16", CultureInfo.InvariantCulture);
            var document = TestDocuments.Text(id, titles[n % titles.Length]) with { Collection = "bộ", Tags = ["cchc"], Date = new DateOnly(2020, 1, 1 + n) };
            var passages = TestDocuments.Passages(id, [.. Enumerable.Range(0, 1 + (n % 4)).Select(i => texts[(n + i) % texts.Length])]);
            return (document, (IReadOnlyList<Passage>)passages);
        }).ToList();
        using var before = ReferenceIndex(documents);

        using var expected = DirectoryReader.Open(before);
        Assert.True(MultiFields.GetTerms(expected, IndexFields.Acronyms)?.Count >= 3);
        using var index = LuceneIndex.InMemory();
        foreach (var (document, passages) in documents)
        {
            index.Upsert(document, passages);
        }

        await index.CommitAsync();
        index.WithSearcher(s => AssertSameIndex(expected, s.IndexReader));
    }

    /// <summary>
    /// A bulk load that ends in a force-merge (kb reindex, kb bench search --max-segments) holds Lucene's merges back
    /// (<see cref="LuceneIndex.DeferMerges"/>): every commit's segment stays until the force-merge, which merges them
    /// all at once into an index the same, term for term, as the per-field analysis made; merges held back by a scope
    /// that ends without a force-merge run then.
    /// </summary>
    [Fact]
    public async Task DeferMerges_LoadEndingInForceMerge_MergesOnlyAtTheEnd_IntoTheSameIndex()
    {
        var documents = Generate(new Random(23), 40);
        using var before = ReferenceIndex(documents);

        using var expected = DirectoryReader.Open(before);
        using var index = LuceneIndex.InMemory();
        using (index.DeferMerges())
        {
            var load = index.StartLoad();
            foreach (var (document, passages) in documents)
            {
                // A commit a document: a segment (or two, one a writer thread) each, which the tiered merges would merge by tens.
                await load.AddAsync(document, passages);
                Assert.Empty(await load.WhenAddedAsync());
                await index.CommitAsync();
            }

            Assert.True(index.SegmentCount >= documents.Count, $"{index.SegmentCount} segments: merged during the load");
            var optimized = await index.OptimizeAsync(1);
            Assert.Equal(1, optimized.SegmentsAfter);
        }

        index.WithSearcher(s => AssertSameIndex(expected, s.IndexReader));

        // A scope that ends without a force-merge lets the held-back merges run.
        using var left = LuceneIndex.InMemory();
        using (left.DeferMerges())
        {
            foreach (var (document, passages) in documents)
            {
                left.Upsert(document, passages);
                await left.CommitAsync();
            }

            Assert.Equal(documents.Count, left.SegmentCount);
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (left.SegmentCount >= documents.Count && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            await left.CommitAsync();
        }

        Assert.True(left.SegmentCount < documents.Count, $"{left.SegmentCount} segments: no merge after the scope");
        left.WithSearcher(s => AssertSameIndex(expected, s.IndexReader));
    }

    /// <summary>
    /// The passage as it was indexed before (main at 1e01a77, before <see cref="PassageDocumentBuilder"/>): every field
    /// made afresh, each text field analysed from the string by its field's analyzer.
    /// </summary>
    [Fact]
    public async Task Load_DocumentsAddedAgain_ReplaceTheirPassages_AsUpsertDoes()
    {
        var documents = Generate(new Random(5), 30);
        using var index = LuceneIndex.InMemory();
        var load = index.StartLoad();
        foreach (var (document, passages) in documents)
        {
            await load.AddAsync(document, passages);
        }

        Assert.Empty(await load.WhenAddedAsync());
        await index.CommitAsync();

        // Every document again, with only its first passage: a delete and an add each, on whichever writer thread.
        foreach (var (document, passages) in documents)
        {
            await load.AddAsync(document, [passages[0]]);
        }

        Assert.Empty(await load.WhenAddedAsync());
        await index.CommitAsync();
        Assert.Equal(documents.Count, index.PassageCount);
        index.WithSearcher(s =>
        {
            Assert.Equal(
                documents.Select(d => d.Passages[0].Id).Order(StringComparer.Ordinal),
                LivePassageIds(s.IndexReader).Order(StringComparer.Ordinal));
            return true;
        });
    }

    [Fact]
    public async Task Load_ADocumentThatCannotBeAdded_IsReported_TheOthersAreAdded_AndUpsertManyThrowsIt()
    {
        var documents = Generate(new Random(9), 12);
        // A passage without text cannot be made into fields: its document fails, on a writer thread.
        var broken = (documents[4].Document, (IReadOnlyList<Passage>)[documents[4].Passages[0] with { Text = null! }]);
        using var index = LuceneIndex.InMemory();
        var load = index.StartLoad();
        for (var i = 0; i < documents.Count; i++)
        {
            var (document, passages) = i == 4 ? broken : documents[i];
            await load.AddAsync(document, passages);
        }

        var faults = await load.WhenAddedAsync();
        Assert.Equal([documents[4].Document.Id], faults.Select(f => f.Document.Id));
        await index.CommitAsync();
        Assert.Equal(documents.Where((_, i) => i != 4).Sum(d => d.Passages.Count), index.PassageCount);

        using var many = LuceneIndex.InMemory();
        var thrown = Assert.Throws<AggregateException>(() => many.UpsertMany([.. documents.Select((d, i) => i == 4 ? broken : d)]));
        Assert.Single(thrown.InnerExceptions);
        await many.CommitAsync();
        Assert.Equal(documents.Where((_, i) => i != 4).Sum(d => d.Passages.Count), many.PassageCount);
    }

    private static Document AnalysedPerField(DocumentInfo document, Passage passage)
    {
        var doc = new Document
        {
            new StringField(IndexFields.Id, passage.Id, Field.Store.YES),
            new StringField(IndexFields.DocumentId, document.Id, Field.Store.YES),
            new SortedDocValuesField(IndexFields.DocumentId, new BytesRef(document.Id)),
            new TextField(IndexFields.Text, passage.Text, Field.Store.YES),
            new TextField(IndexFields.TextFolded, passage.Text, Field.Store.NO),
            new TextField(IndexFields.TextBigrams, passage.Text, Field.Store.NO),
            new TextField(IndexFields.Title, document.Title, Field.Store.YES),
            new TextField(IndexFields.TitleFolded, document.Title, Field.Store.NO),
            new TextField(IndexFields.TitleBigrams, document.Title, Field.Store.NO),
            new StringField(IndexFields.Kind, PassageDocuments.KindName(document.Kind), Field.Store.YES),
            new SortedSetDocValuesField(IndexFields.Kind, new BytesRef(PassageDocuments.KindName(document.Kind))),
            new Int32Field(IndexFields.Year, PassageDocuments.YearOf(document), Field.Store.YES),
            new SortedSetDocValuesField(IndexFields.Year, new BytesRef(PassageDocuments.YearOf(document).ToString(CultureInfo.InvariantCulture))),
            new Int32Field(IndexFields.DateSort, PassageDocuments.DateNumber(document.Date), Field.Store.NO),
            new StringField(IndexFields.Visibility, PassageDocuments.VisibilityName(document.Visibility), Field.Store.YES),
            new StringField(IndexFields.Owner, document.AddedBy ?? string.Empty, Field.Store.NO),
            new StringField(IndexFields.Language, document.Language, Field.Store.YES),
            new SortedSetDocValuesField(IndexFields.Language, new BytesRef(document.Language)),
            new StringField(IndexFields.Origin, PassageDocuments.OriginOf(document), Field.Store.NO),
            new SortedSetDocValuesField(IndexFields.Origin, new BytesRef(PassageDocuments.OriginOf(document))),
            new StoredField(IndexFields.Source, document.SourceUrl ?? document.Source),
            new StoredField(IndexFields.Page, passage.PageNumber),
            new StoredField(IndexFields.Ordinal, passage.Ordinal),
            new StoredField(IndexFields.StartOffset, passage.StartOffset),
            new StoredField(IndexFields.EndOffset, passage.EndOffset),
        };
        if (document.Date is { } date)
        {
            doc.Add(new NumericDocValuesField(IndexFields.DateSort, PassageDocuments.DateNumber(date)));
            doc.Add(new StoredField(IndexFields.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (passage.Section is { Length: > 0 } section)
        {
            doc.Add(new StoredField(IndexFields.Section, section));
        }

        if (document.Collection is { Length: > 0 } collection)
        {
            doc.Add(new StringField(IndexFields.Collection, collection, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(IndexFields.Collection, new BytesRef(collection)));
        }

        foreach (var acronym in AcronymExtractor.Extract(document.Title).Concat(AcronymExtractor.Extract(passage.Text)).Distinct().Select(LearnedAcronyms.Encode))
        {
            doc.Add(new StringField(IndexFields.Acronyms, acronym, Field.Store.NO));
        }

        foreach (var tag in document.Tags)
        {
            doc.Add(new StringField(IndexFields.Tags, tag, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(IndexFields.Tags, new BytesRef(tag)));
        }

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
        foreach (var field in new[] { IndexFields.DocumentId, IndexFields.Kind, IndexFields.Year, IndexFields.Language, IndexFields.Origin, IndexFields.Collection, IndexFields.Tags, IndexFields.DateSort })
        {
            Assert.Equal(DocValues(expected, expectedIds, field), DocValues(actual, actualIds, field));
        }

        return true;
    }

    /// <summary>Each passage's doc values of a field (sorted, sorted-set or numeric, with whether it has one), by passage id.</summary>
    private static List<string> DocValues(IndexReader reader, string[] ids, string field)
    {
        var values = new List<string>();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var sorted = atomic.GetSortedDocValues(field);
            var sortedSet = atomic.GetSortedSetDocValues(field);
            var numeric = atomic.GetNumericDocValues(field);
            var present = atomic.GetDocsWithField(field);
            for (var d = 0; d < atomic.MaxDoc; d++)
            {
                var text = new List<string>();
                if (sorted is not null && sorted.GetOrd(d) >= 0)
                {
                    var bytes = new BytesRef();
                    sorted.LookupOrd(sorted.GetOrd(d), bytes);
                    text.Add("sorted " + bytes.Utf8ToString());
                }

                if (sortedSet is not null)
                {
                    sortedSet.SetDocument(d);
                    for (var ord = sortedSet.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = sortedSet.NextOrd())
                    {
                        var bytes = new BytesRef();
                        sortedSet.LookupOrd(ord, bytes);
                        text.Add("set " + bytes.Utf8ToString());
                    }
                }

                if (numeric is not null && present is not null && present.Get(d))
                {
                    text.Add("number " + numeric.Get(d).ToString(CultureInfo.InvariantCulture));
                }

                values.Add(ids[leaf.DocBase + d] + " " + string.Join(" | ", text));
            }
        }

        values.Sort(StringComparer.Ordinal);
        Assert.Contains(values, v => v.Contains(' ', StringComparison.Ordinal) && !v.EndsWith(' '));
        return values;
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

    private static IEnumerable<string> LivePassageIds(IndexReader reader)
    {
        var live = MultiFields.GetLiveDocs(reader);
        return Enumerable.Range(0, reader.MaxDoc).Where(d => live is null || live.Get(d)).Select(d => reader.Document(d).Get(IndexFields.Id, CultureInfo.InvariantCulture));
    }

    private static string[] PassageIds(IndexReader reader) =>
        [.. Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get(IndexFields.Id, CultureInfo.InvariantCulture))];

    private static List<string> StoredFields(IndexReader reader, string[] ids) =>
        [.. Enumerable.Range(0, reader.MaxDoc)
            .Select(d => ids[d] + " " + string.Join(" | ", reader.Document(d).Fields.Select(f => f.Name + "=" + (f.GetStringValue(CultureInfo.InvariantCulture) ?? f.GetInt32Value()?.ToString(CultureInfo.InvariantCulture))).Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];

    /// <summary>The reference: every passage of <paramref name="documents"/> analysed field by field, as before the shared analysis.</summary>
    private static RAMDirectory ReferenceIndex(IEnumerable<(DocumentInfo Document, IReadOnlyList<Passage> Passages)> documents)
    {
        var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneSettings.Version, IndexAnalyzers.Create()) { Similarity = Ranking.Similarity });
        foreach (var (document, passages) in documents)
        {
            foreach (var passage in passages)
            {
                writer.AddDocument(AnalysedPerField(document, passage));
            }
        }

        return directory;
    }

    private static List<(DocumentInfo Document, IReadOnlyList<Passage> Passages)> Generate(Random random, int count)
    {
        string Text(int min, int max) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => Words[random.Next(Words.Length)]));
        return [.. Enumerable.Range(1, count).Select(n =>
        {
            var id = n.ToString("x16", CultureInfo.InvariantCulture);
            // Fields a document has or lacks change from one document to the next (the builder's reused fields).
            var document = TestDocuments.Text(id, Text(1, 8)) with
            {
                Date = n % 4 == 3 ? null : new DateOnly(2000 + (n % 20), 1 + (n % 12), 1),
                Collection = n % 5 == 4 ? null : "bộ " + (n % 3),
                Tags = (n % 3) switch { 0 => ["cchc"], 1 => [], _ => ["cchc", "đất đai"] },
                Kind = n % 2 == 0 ? DocumentKind.Text : DocumentKind.Pdf,
                Visibility = n % 7 == 6 ? DocumentVisibility.Private : DocumentVisibility.Public,
                AddedBy = n % 6 == 5 ? null : "user" + (n % 2),
                SourceUrl = n % 8 == 7 ? "https://vbpl.vn/" + id : null,
                Language = n % 9 == 8 ? "en" : "vi",
            };
            var passages = TestDocuments.Passages(id, [.. Enumerable.Range(0, random.Next(1, 7)).Select(_ => Text(0, 60))])
                .Select((p, i) => p with { Section = i % 3 == 1 ? Text(1, 5) : null, PageNumber = 1 + (i / 2), StartOffset = i * 10, EndOffset = (i * 10) + p.Text.Length })
                .ToList();
            return (document, (IReadOnlyList<Passage>)passages);
        })];
    }
}
