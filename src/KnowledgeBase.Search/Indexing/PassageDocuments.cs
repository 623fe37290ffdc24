using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace KnowledgeBase.Search.Indexing;

/// <summary>Maps passages to Lucene documents and back. Stateless.</summary>
public static class PassageDocuments
{
    public static Document Create(DocumentInfo document, Passage passage)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Create(document, AnalysedText.Of(document.Title), passage);
    }

    /// <summary>
    /// The passage's Lucene document, with its document's title already analysed (<see cref="AnalysedText.Of"/> of
    /// <see cref="DocumentInfo.Title"/>, once for all the document's passages).
    /// </summary>
    public static Document Create(DocumentInfo document, AnalysedText title, Passage passage)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(passage);
        // Text and title are analysed once each and replayed to their exact, folded and paired fields.
        var text = SharedAnalysis.Streams(AnalysedText.Of(passage.Text));
        var titles = SharedAnalysis.Streams(title);
        var doc = new Document
        {
            new StringField(IndexFields.Id, passage.Id, Field.Store.YES),
            new StringField(IndexFields.DocumentId, document.Id, Field.Store.YES),
            new SortedDocValuesField(IndexFields.DocumentId, new BytesRef(document.Id)),
            new StoredField(IndexFields.Text, passage.Text),
            new TextField(IndexFields.Text, text.Exact),
            new TextField(IndexFields.TextFolded, text.Folded),
            new TextField(IndexFields.TextBigrams, text.Pairs),
            new StoredField(IndexFields.Title, document.Title),
            new TextField(IndexFields.Title, titles.Exact),
            new TextField(IndexFields.TitleFolded, titles.Folded),
            new TextField(IndexFields.TitleBigrams, titles.Pairs),
            new StringField(IndexFields.Kind, KindName(document.Kind), Field.Store.YES),
            new SortedSetDocValuesField(IndexFields.Kind, new BytesRef(KindName(document.Kind))),
            new Int32Field(IndexFields.Year, YearOf(document), Field.Store.YES),
            new SortedSetDocValuesField(IndexFields.Year, new BytesRef(YearOf(document).ToString(CultureInfo.InvariantCulture))),
            new Int32Field(IndexFields.DateSort, DateNumber(document.Date), Field.Store.NO),
            new StringField(IndexFields.Visibility, VisibilityName(document.Visibility), Field.Store.YES),
            new StringField(IndexFields.Owner, document.AddedBy ?? string.Empty, Field.Store.NO),
            new StringField(IndexFields.Language, document.Language, Field.Store.YES),
            new SortedSetDocValuesField(IndexFields.Language, new BytesRef(document.Language)),
            new StringField(IndexFields.Origin, OriginOf(document), Field.Store.NO),
            new SortedSetDocValuesField(IndexFields.Origin, new BytesRef(OriginOf(document))),
            new StoredField(IndexFields.Source, document.SourceUrl ?? document.Source),
            new StoredField(IndexFields.Page, passage.PageNumber),
            new StoredField(IndexFields.Ordinal, passage.Ordinal),
            new StoredField(IndexFields.StartOffset, passage.StartOffset),
            new StoredField(IndexFields.EndOffset, passage.EndOffset),
        };
        if (document.Date is { } date)
        {
            // Only a known date has a sort value: date sorting puts the undated last either way (issue 13).
            doc.Add(new NumericDocValuesField(IndexFields.DateSort, DateNumber(date)));
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

        foreach (var acronym in LearnedAcronyms.Extract(document.Title, passage.Text))
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

    /// <summary>A web site's host for documents imported by address, else how it came in (upload, inbox, cli, seed).</summary>
    public static string OriginOf(DocumentInfo document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.SourceUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.Host
            : document.Source;
    }

    public static string KindName(DocumentKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The term a visibility is indexed and filtered as (<c>public</c>, <c>internal</c>, <c>private</c>).</summary>
    public static string VisibilityName(DocumentVisibility visibility) => visibility.ToString().ToLowerInvariant();

    public static DocumentKind ParseKind(string? name) =>
        Enum.TryParse<DocumentKind>(name, ignoreCase: true, out var kind) ? kind : DocumentKind.Text;

    /// <summary>yyyyMMdd as a number, 0 when the date is unknown.</summary>
    /// <summary>The year facet's value: the document's year, or <see cref="IndexFields.NoYear"/> when it has no date (not the year it was added).</summary>
    public static int YearOf(DocumentInfo document) => document.Date?.Year ?? IndexFields.NoYear;

    public static int DateNumber(DateOnly? date) => date is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : 0;

    public static SearchHit ToHit(Document doc, float score, string fragmentHtml)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var dateText = doc.Get(IndexFields.Date, CultureInfo.InvariantCulture);
        return new SearchHit
        {
            PassageId = doc.Get(IndexFields.Id, CultureInfo.InvariantCulture),
            DocumentId = doc.Get(IndexFields.DocumentId, CultureInfo.InvariantCulture),
            Title = doc.Get(IndexFields.Title, CultureInfo.InvariantCulture),
            Kind = ParseKind(doc.Get(IndexFields.Kind, CultureInfo.InvariantCulture)),
            PageNumber = doc.GetField(IndexFields.Page)?.GetInt32Value() ?? 1,
            Ordinal = doc.GetField(IndexFields.Ordinal)?.GetInt32Value() ?? 0,
            Text = doc.Get(IndexFields.Text, CultureInfo.InvariantCulture),
            FragmentHtml = fragmentHtml,
            Score = score,
            Date = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            Section = doc.Get(IndexFields.Section, CultureInfo.InvariantCulture),
            Source = doc.Get(IndexFields.Source, CultureInfo.InvariantCulture),
        };
    }
}
