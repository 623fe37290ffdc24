using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Analysis;
using Lucene.Net.Documents;

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
    public static Document Create(DocumentInfo document, AnalysedText title, Passage passage) =>
        new PassageDocumentBuilder().Build(document, title, passage);

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
