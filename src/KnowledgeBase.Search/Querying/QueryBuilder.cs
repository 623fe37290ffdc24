using System.Globalization;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Analysis;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// Turns a parsed query into the Lucene query that ranks passages. Accent-aware: a syllable typed with
/// diacritics matches its exact form (boosted) and its folded form; a syllable typed without matches the
/// folded form. Adjacent syllables add a phrase boost, so contiguous words outrank scattered ones.
/// Thread-safe (the analyzers are).
/// </summary>
public sealed class QueryBuilder : IDisposable
{
    private const float ExactBoost = 0.5f;
    private const float FoldedBoost = 1.0f;
    private const float BigramBoost = 0.6f;
    private const float TitleBoost = 0.3f;

    private readonly Analyzer _exact = new VietnameseAnalyzer(folded: false);

    public void Dispose() => _exact.Dispose();

    /// <summary>The query that matches and ranks; filters are applied separately (<see cref="BuildFilter"/>).</summary>
    public Query Build(UserQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var root = new BooleanQuery();
        var hasPositive = false;

        var free = Analyze(query.FreeText);
        if (free.Count > 0)
        {
            root.Add(RankedText(free), Occur.MUST);
            hasPositive = true;
        }

        foreach (var phrase in query.Phrases)
        {
            var tokens = Analyze(phrase);
            if (tokens.Count > 0)
            {
                root.Add(Phrase(tokens), Occur.MUST);
                hasPositive = true;
            }
        }

        foreach (var group in query.Alternatives)
        {
            var any = new BooleanQuery();
            foreach (var alternative in group)
            {
                var tokens = Analyze(alternative);
                if (tokens.Count > 0)
                {
                    any.Add(tokens.Count == 1 ? RankedText(tokens) : Phrase(tokens), Occur.SHOULD);
                }
            }

            if (any.Clauses.Count > 0)
            {
                root.Add(any, Occur.MUST);
                hasPositive = true;
            }
        }

        foreach (var excluded in query.Exclusions)
        {
            var tokens = Analyze(excluded);
            if (tokens.Count > 0)
            {
                root.Add(Phrase(tokens), Occur.MUST_NOT);
            }
        }

        foreach (var filter in query.Filters.Where(f => f.Key == "title"))
        {
            var tokens = Analyze(filter.Value);
            if (tokens.Count > 0)
            {
                root.Add(Phrase(tokens, IndexFields.TitleFolded, IndexFields.Title), Occur.MUST);
                hasPositive = true;
            }
        }

        if (!hasPositive)
        {
            // Only filters (e.g. "type:pdf"): match everything they allow.
            root.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return root;
    }

    /// <summary>The filter of the request and of the filters typed in the query; null when nothing filters.</summary>
    public static Filter? BuildFilter(SearchRequest request, UserQuery query)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(query);
        var all = new BooleanQuery();

        var kinds = request.Kinds.Select(PassageDocuments.KindName).ToList();
        var years = request.Years.ToList();
        var tags = request.Tags.ToList();
        foreach (var (field, value) in query.Filters)
        {
            switch (field)
            {
                case "type":
                    kinds.Add(ParseKindFilter(value));
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

        AddAnyOf(all, kinds.Select(k => (Query)new TermQuery(new Term(IndexFields.Kind, k))));
        AddAnyOf(all, years.Select(y => (Query)NumericRangeQuery.NewInt32Range(IndexFields.Year, y, y, true, true)));
        AddAnyOf(all, tags.Select(t => (Query)new TermQuery(new Term(IndexFields.Tags, t))));
        AddAnyOf(all, request.Visibilities.Select(v => (Query)new TermQuery(new Term(IndexFields.Visibility, v.ToString().ToLowerInvariant()))));
        if (request.DocumentId is { } documentId)
        {
            all.Add(new TermQuery(new Term(IndexFields.DocumentId, documentId)), Occur.MUST);
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

        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    /// <summary>Normalized tokens of the text, in order (exact form: NFC, lower case, accents kept).</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        using var stream = _exact.GetTokenStream(IndexFields.Text, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    private static Query RankedText(IReadOnlyList<string> tokens)
    {
        var query = new BooleanQuery(disableCoord: true);
        foreach (var token in tokens)
        {
            var folded = VietnameseText.Fold(token);
            query.Add(new TermQuery(new Term(IndexFields.TextFolded, folded)) { Boost = FoldedBoost }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.TitleFolded, folded)) { Boost = TitleBoost }, Occur.SHOULD);
            if (VietnameseText.HasDiacritics(token))
            {
                query.Add(new TermQuery(new Term(IndexFields.Text, token)) { Boost = ExactBoost }, Occur.SHOULD);
            }
        }

        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var bigram = new PhraseQuery { Boost = BigramBoost };
            bigram.Add(new Term(IndexFields.TextFolded, VietnameseText.Fold(tokens[i])));
            bigram.Add(new Term(IndexFields.TextFolded, VietnameseText.Fold(tokens[i + 1])));
            query.Add(bigram, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>An exact phrase: folded positions must match; the accented form, where typed, ranks higher.</summary>
    private static Query Phrase(IReadOnlyList<string> tokens, string foldedField = IndexFields.TextFolded, string exactField = IndexFields.Text)
    {
        var folded = new PhraseQuery();
        foreach (var token in tokens)
        {
            folded.Add(new Term(foldedField, VietnameseText.Fold(token)));
        }

        if (!tokens.Any(t => VietnameseText.HasDiacritics(t)))
        {
            return folded;
        }

        var exact = new PhraseQuery { Boost = ExactBoost };
        foreach (var token in tokens)
        {
            exact.Add(new Term(exactField, token));
        }

        var query = new BooleanQuery(disableCoord: true)
        {
            { folded, Occur.MUST },
            { exact, Occur.SHOULD },
        };
        return query;
    }

    private static string ParseKindFilter(string value) =>
        VietnameseText.Fold(value).ToLowerInvariant() switch
        {
            "pdf" => "pdf",
            "html" or "web" or "article" or "bai" => "html",
            "word" or "docx" or "doc" => "word",
            "text" or "txt" or "van ban" => "text",
            _ => throw new QuerySyntaxException(QueryErrorCode.InvalidFilterValue, $"'{value}' is not a document type (pdf, html, word, text)."),
        };

    private static void AddAnyOf(BooleanQuery all, IEnumerable<Query> alternatives)
    {
        var any = new BooleanQuery();
        foreach (var alternative in alternatives)
        {
            any.Add(alternative, Occur.SHOULD);
        }

        if (any.Clauses.Count > 0)
        {
            all.Add(any, Occur.MUST);
        }
    }
}
