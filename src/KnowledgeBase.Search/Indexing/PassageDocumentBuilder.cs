using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Analysis;
using KnowledgeBase.Vietnamese.Acronyms;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// Makes the Lucene document of a passage (<see cref="PassageDocuments.Create(DocumentInfo, Passage)"/>) in one
/// <see cref="Document"/> and one set of fields that it fills again for each passage, as Lucene recommends for bulk
/// loads: the fields' own token streams (ids, kinds, numbers) and the replays of the analysed text and title
/// (<see cref="AnalysedTextReplay"/>) are made once, not once per field of every passage, and a document's values
/// (ids, title, facets) are set once for all its passages. The document it answers is valid until the next
/// <see cref="Build"/>: give it to the index writer at once. Not thread-safe: one builder per thread
/// (<see cref="ForThisThread"/>).
/// </summary>
#pragma warning disable CA1001 // The replays are token streams over strings in memory: disposing one releases nothing (and the writer does it after each use).
public sealed class PassageDocumentBuilder
#pragma warning restore CA1001
{
    [ThreadStatic]
    private static PassageDocumentBuilder? _thisThread;

    private readonly StringField _id = new(IndexFields.Id, string.Empty, Field.Store.YES);
    private readonly StringField _documentId = new(IndexFields.DocumentId, string.Empty, Field.Store.YES);
    private readonly SortedDocValuesField _documentIdValue = new(IndexFields.DocumentId, new BytesRef());
    private readonly StoredField _storedText = new(IndexFields.Text, string.Empty);
    private readonly AnalysedTextReplay _textExact = new(VietnameseAnalysis.Exact);
    private readonly AnalysedTextReplay _textFolded = new(VietnameseAnalysis.Folded);
    private readonly AnalysedTextReplay _textPairs = new(VietnameseAnalysis.FoldedBigrams);
    private readonly StoredField _storedTitle = new(IndexFields.Title, string.Empty);
    private readonly AnalysedTextReplay _titleExact = new(VietnameseAnalysis.Exact);
    private readonly AnalysedTextReplay _titleFolded = new(VietnameseAnalysis.Folded);
    private readonly AnalysedTextReplay _titlePairs = new(VietnameseAnalysis.FoldedBigrams);
    private readonly StringField _kind = new(IndexFields.Kind, string.Empty, Field.Store.YES);
    private readonly SortedSetDocValuesField _kindValue = new(IndexFields.Kind, new BytesRef());
    private readonly Int32Field _year = new(IndexFields.Year, 0, Field.Store.YES);
    private readonly SortedSetDocValuesField _yearValue = new(IndexFields.Year, new BytesRef());
    private readonly Int32Field _dateNumber = new(IndexFields.DateSort, 0, Field.Store.NO);
    private readonly StringField _visibility = new(IndexFields.Visibility, string.Empty, Field.Store.YES);
    private readonly StringField _owner = new(IndexFields.Owner, string.Empty, Field.Store.NO);
    private readonly StringField _language = new(IndexFields.Language, string.Empty, Field.Store.YES);
    private readonly SortedSetDocValuesField _languageValue = new(IndexFields.Language, new BytesRef());
    private readonly StringField _origin = new(IndexFields.Origin, string.Empty, Field.Store.NO);
    private readonly SortedSetDocValuesField _originValue = new(IndexFields.Origin, new BytesRef());
    private readonly StoredField _source = new(IndexFields.Source, string.Empty);
    private readonly StoredField _page = new(IndexFields.Page, 0);
    private readonly StoredField _ordinal = new(IndexFields.Ordinal, 0);
    private readonly StoredField _startOffset = new(IndexFields.StartOffset, 0);
    private readonly StoredField _endOffset = new(IndexFields.EndOffset, 0);
    private readonly NumericDocValuesField _dateValue = new(IndexFields.DateSort, 0L);
    private readonly StoredField _date = new(IndexFields.Date, string.Empty);
    private readonly StoredField _section = new(IndexFields.Section, string.Empty);
    private readonly StringField _collection = new(IndexFields.Collection, string.Empty, Field.Store.YES);
    private readonly SortedSetDocValuesField _collectionValue = new(IndexFields.Collection, new BytesRef());
    private readonly TextField[] _textFields;
    private readonly List<IIndexableField> _fields = new(40);
    private DocumentInfo? _document;
    private List<Field> _tags = [];
    private IReadOnlyList<Acronym> _titleAcronyms = [];

    public PassageDocumentBuilder()
    {
        _textFields =
        [
            new TextField(IndexFields.Text, _textExact),
            new TextField(IndexFields.TextFolded, _textFolded),
            new TextField(IndexFields.TextBigrams, _textPairs),
            new TextField(IndexFields.Title, _titleExact),
            new TextField(IndexFields.TitleFolded, _titleFolded),
            new TextField(IndexFields.TitleBigrams, _titlePairs),
        ];
    }

    /// <summary>This thread's builder.</summary>
    public static PassageDocumentBuilder ForThisThread => _thisThread ??= new PassageDocumentBuilder();

    /// <summary>
    /// The passage's document (see the class: valid until the next call), <paramref name="title"/> being
    /// <see cref="AnalysedText.Of"/> of <paramref name="document"/>'s title.
    /// </summary>
    public Document Build(DocumentInfo document, AnalysedText title, Passage passage)
    {
        var doc = new Document();
        foreach (var field in Fields(document, title, passage))
        {
            doc.Add(field);
        }

        return doc;
    }

    /// <summary>
    /// The passage's fields, in the order of <see cref="Build"/>, in a list this builder fills again on the next call
    /// (no document and no growing list a passage: what <see cref="LuceneIndex"/> hands the writer).
    /// </summary>
    internal List<IIndexableField> Fields(DocumentInfo document, AnalysedText title, Passage passage)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(passage);
        if (!ReferenceEquals(document, _document))
        {
            SetDocument(document);
        }

        // Text and title are analysed once each and replayed to their exact, folded and paired fields.
        var text = AnalysedText.Of(passage.Text);
        _textExact.SetText(text);
        _textFolded.SetText(text);
        _textPairs.SetText(text);
        _titleExact.SetText(title);
        _titleFolded.SetText(title);
        _titlePairs.SetText(title);
        _id.SetStringValue(passage.Id);
        _storedText.SetStringValue(passage.Text);
        _page.SetInt32Value(passage.PageNumber);
        _ordinal.SetInt32Value(passage.Ordinal);
        _startOffset.SetInt32Value(passage.StartOffset);
        _endOffset.SetInt32Value(passage.EndOffset);
        _section.SetStringValue(passage.Section ?? string.Empty);

        // The fields in the order PassageDocuments has always added them.
        var doc = _fields;
        doc.Clear();
        doc.Add(_id);
        doc.Add(_documentId);
        doc.Add(_documentIdValue);
        doc.Add(_storedText);
        doc.Add(_textFields[0]);
        doc.Add(_textFields[1]);
        doc.Add(_textFields[2]);
        doc.Add(_storedTitle);
        doc.Add(_textFields[3]);
        doc.Add(_textFields[4]);
        doc.Add(_textFields[5]);
        doc.Add(_kind);
        doc.Add(_kindValue);
        doc.Add(_year);
        doc.Add(_yearValue);
        doc.Add(_dateNumber);
        doc.Add(_visibility);
        doc.Add(_owner);
        doc.Add(_language);
        doc.Add(_languageValue);
        doc.Add(_origin);
        doc.Add(_originValue);
        doc.Add(_source);
        doc.Add(_page);
        doc.Add(_ordinal);
        doc.Add(_startOffset);
        doc.Add(_endOffset);
        if (document.Date is not null)
        {
            // Only a known date has a sort value: date sorting puts the undated last either way (issue 13).
            doc.Add(_dateValue);
            doc.Add(_date);
        }

        if (passage.Section is { Length: > 0 })
        {
            doc.Add(_section);
        }

        if (document.Collection is { Length: > 0 })
        {
            doc.Add(_collection);
            doc.Add(_collectionValue);
        }

        foreach (var acronym in LearnedAcronyms.Extract(_titleAcronyms, passage.Text))
        {
            doc.Add(new StringField(IndexFields.Acronyms, acronym, Field.Store.NO));
        }

        foreach (var tag in _tags)
        {
            doc.Add(tag);
        }

        return doc;
    }

    /// <summary>The values every passage of <paramref name="document"/> shares.</summary>
    private void SetDocument(DocumentInfo document)
    {
        _document = document;
        _documentId.SetStringValue(document.Id);
        _documentIdValue.SetBytesValue(new BytesRef(document.Id));
        _storedTitle.SetStringValue(document.Title);
        _titleAcronyms = AcronymExtractor.Extract(document.Title);
        var kind = PassageDocuments.KindName(document.Kind);
        _kind.SetStringValue(kind);
        _kindValue.SetBytesValue(new BytesRef(kind));
        var year = PassageDocuments.YearOf(document);
        _year.SetInt32Value(year);
        _yearValue.SetBytesValue(new BytesRef(year.ToString(CultureInfo.InvariantCulture)));
        _dateNumber.SetInt32Value(PassageDocuments.DateNumber(document.Date));
        _visibility.SetStringValue(PassageDocuments.VisibilityName(document.Visibility));
        _owner.SetStringValue(document.AddedBy ?? string.Empty);
        _language.SetStringValue(document.Language);
        _languageValue.SetBytesValue(new BytesRef(document.Language));
        var origin = PassageDocuments.OriginOf(document);
        _origin.SetStringValue(origin);
        _originValue.SetBytesValue(new BytesRef(origin));
        _source.SetStringValue(document.SourceUrl ?? document.Source);
        if (document.Date is { } date)
        {
            _dateValue.SetInt64Value(PassageDocuments.DateNumber(date));
            _date.SetStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (document.Collection is { Length: > 0 } collection)
        {
            _collection.SetStringValue(collection);
            _collectionValue.SetBytesValue(new BytesRef(collection));
        }

        // Two fields a tag, in the tags' order; kept for all the document's passages.
        _tags = [];
        foreach (var tag in document.Tags)
        {
            _tags.Add(new StringField(IndexFields.Tags, tag, Field.Store.YES));
            _tags.Add(new SortedSetDocValuesField(IndexFields.Tags, new BytesRef(tag)));
        }
    }
}
