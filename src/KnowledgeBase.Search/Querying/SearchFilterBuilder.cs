using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// The one door between a read of the index and the passages it may see: every surface — results, totals,
/// facets, "did you mean", suggestions (phrases and titles), similar passages, search within a document —
/// filters with what this builder returns, and nothing else decides what a caller sees. It joins, all required:
/// what the <see cref="Audience"/> may see; the request's kinds, years, tags, collections, sources, languages,
/// dates and document; the filters typed in the query (<c>type:</c>, <c>year:</c>, <c>tag:</c>). Null when
/// nothing filters. Stateless, thread-safe.
/// </summary>
public static class SearchFilterBuilder
{
    /// <summary>The filter of a search: its audience, its request and the filters typed in its query.</summary>
    /// <exception cref="QuerySyntaxException">A typed filter's value is not one it accepts.</exception>
    public static Filter? Build(SearchRequest request, UserQuery query)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(query);
        return Build(request.Audience, request, query);
    }

    /// <summary>The filter of a read that has no request (suggestions, similar passages): its audience's alone.</summary>
    public static Filter? Build(Audience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return Build(audience, request: null, query: null);
    }

    private static Filter? Build(Audience audience, SearchRequest? request, UserQuery? query)
    {
        var all = new BooleanQuery();
        if (!audience.SeesEverything)
        {
            // Required even when it allows nothing: an empty disjunction matches no passage.
            all.Add(Visible(audience), Occur.MUST);
        }

        if (request is not null)
        {
            AddRequest(all, request, query ?? new UserQuery());
        }

        // A bit set per segment, kept while the segment lives: searches keep bulk scoring (FilteringSearcher).
        return all.Clauses.Count == 0 ? null : new FilterBits(new QueryWrapperFilter(all), all.ToString());
    }

    /// <summary>
    /// <see cref="Audience.Sees(DocumentVisibility, string?)"/> as a query: the visibilities it sees, or a private
    /// passage of its owner.
    /// </summary>
    private static BooleanQuery Visible(Audience audience)
    {
        var any = AnyOf(Enum.GetValues<DocumentVisibility>().Where(audience.Sees).Select(v => (Query)Term(IndexFields.Visibility, PassageDocuments.VisibilityName(v))));
        if (audience.Owner is { Length: > 0 } owner && !audience.Sees(DocumentVisibility.Private))
        {
            any.Add(
                new BooleanQuery
                {
                    { Term(IndexFields.Visibility, PassageDocuments.VisibilityName(DocumentVisibility.Private)), Occur.MUST },
                    { Term(IndexFields.Owner, owner), Occur.MUST },
                },
                Occur.SHOULD);
        }

        return any;
    }

    private static void AddRequest(BooleanQuery all, SearchRequest request, UserQuery query)
    {
        var kinds = request.Kinds.ToList();
        var years = request.Years.ToList();
        var tags = request.Tags.ToList();
        foreach (var (field, value) in query.Filters)
        {
            switch (field)
            {
                case "type":
                    kinds.Add(ParseKind(value));
                    break;
                case "year":
                    years.Add(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 0 and < 10000
                        ? year
                        : throw new QuerySyntaxException(QueryErrorCode.InvalidFilterValue, $"'{value}' is not a year."));
                    break;
                case "tag":
                    tags.Add(value);
                    break;
            }
        }

        // One clause per filled list: any value of a list, every list.
        AddAnyOf(all, kinds.Select(k => (Query)Term(IndexFields.Kind, PassageDocuments.KindName(k))));
        AddAnyOf(all, years.Select(y => (Query)NumericRangeQuery.NewInt32Range(IndexFields.Year, y, y, true, true)));
        AddAnyOf(all, tags.Select(t => (Query)Term(IndexFields.Tags, t)));
        AddAnyOf(all, request.Collections.Select(c => (Query)Term(IndexFields.Collection, c)));
        AddAnyOf(all, request.Sources.Select(s => (Query)Term(IndexFields.Origin, s)));
        AddAnyOf(all, request.Languages.Select(l => (Query)Term(IndexFields.Language, l)));
        if (request.DocumentId is { } documentId)
        {
            all.Add(Term(IndexFields.DocumentId, documentId), Occur.MUST);
        }

        if (request.DateFrom is not null || request.DateTo is not null)
        {
            all.Add(
                NumericRangeQuery.NewInt32Range(
                    IndexFields.DateSort,
                    request.DateFrom is { } from ? PassageDocuments.DateNumber(from) : 1,
                    request.DateTo is { } to ? PassageDocuments.DateNumber(to) : int.MaxValue,
                    true,
                    true),
                Occur.MUST);
        }
    }

    /// <summary>A document type as typed after <c>type:</c>, in Vietnamese or English, with or without accents.</summary>
    private static DocumentKind ParseKind(string value) =>
        VietnameseText.Fold(value).ToLowerInvariant() switch
        {
            "pdf" => DocumentKind.Pdf,
            "html" or "web" or "article" or "bai" => DocumentKind.Html,
            "word" or "docx" => DocumentKind.Word,
            "doc" or "word97" => DocumentKind.LegacyWord,
            "odt" or "opendocument" => DocumentKind.OpenDocument,
            "pptx" or "powerpoint" or "slides" => DocumentKind.PowerPoint,
            "image" or "anh" or "png" or "jpg" or "jpeg" or "tif" or "tiff" => DocumentKind.Image,
            "text" or "txt" or "van ban" => DocumentKind.Text,
            _ => throw new QuerySyntaxException(QueryErrorCode.InvalidFilterValue, $"'{value}' is not a document type (pdf, html, word, doc, odt, pptx, image, text)."),
        };

    private static TermQuery Term(string field, string value) => new(new Term(field, value));

    private static BooleanQuery AnyOf(IEnumerable<Query> alternatives)
    {
        var any = new BooleanQuery();
        foreach (var alternative in alternatives)
        {
            any.Add(alternative, Occur.SHOULD);
        }

        return any;
    }

    private static void AddAnyOf(BooleanQuery all, IEnumerable<Query> alternatives)
    {
        var any = AnyOf(alternatives);
        if (any.Clauses.Count > 0)
        {
            all.Add(any, Occur.MUST);
        }
    }
}
