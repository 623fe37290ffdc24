using KnowledgeBase.Vietnamese.Acronyms;
using KnowledgeBase.Vietnamese.Queries;
using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// Turns a parsed query into the Lucene query that ranks passages (BM25 summed over fields, boosts from
/// <see cref="RankingWeights"/>):
/// <list type="bullet">
/// <item>each syllable matches its folded form (with or without accents; a typed đ insists on đ) and,
/// where the user typed accents, its exact form on top;</item>
/// <item>neighbouring syllables add their pair (an index-time field), so a contiguous word or phrase
/// outranks the same syllables scattered;</item>
/// <item>question words and particles are dropped; a long query keeps its rarest syllables only, so the
/// number of clauses stays bounded; a syllable most passages hold may keep fewer clauses
/// (<see cref="RankingWeights.CommonTitleShare"/>, <see cref="RankingWeights.CommonExactShare"/>);</item>
/// <item>an acronym also matches its expansions and a spelled-out expansion its acronym.</item>
/// </list>
/// Thread-safe and stateless but for its weights.
/// </summary>
public sealed partial class QueryBuilder
{
    private readonly RankingWeights _weights;

    public QueryBuilder(RankingWeights? weights = null)
    {
        _weights = weights ?? RankingWeights.Default;
    }

    public RankingWeights Weights => _weights;

    /// <summary>
    /// The query that matches and ranks; filters are applied separately (<see cref="SearchFilterBuilder"/>).
    /// <paramref name="reader"/>'s term statistics keep a long query's rarest syllables, fillers that start a
    /// word of the corpus, and spot the words it does not know (typos). <paramref name="audience"/>, the caller's
    /// visibility filter (<see cref="SearchFilterBuilder.Build(Core.Search.Audience)"/>; null: sees everything),
    /// decides which words are known: one held only by passages it may not see is treated as a typo like a word
    /// found nowhere (<see cref="VisibleTerms"/>).
    /// </summary>
    public Query Build(UserQuery query, IndexReader reader, AcronymTable acronyms, Filter? audience = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(acronyms);
        var root = new BooleanQuery(disableCoord: true);
        var hasPositive = false;

        var free = QueryTerms.Analyze(query.FreeText);
        if (free.Count > 0)
        {
            root.Add(RankedText(free, reader, acronyms, audience), Occur.MUST);
            hasPositive = true;
        }

        foreach (var phrase in query.Phrases)
        {
            if (Phrase(QueryTerms.Analyze(phrase)) is { } clause)
            {
                root.Add(clause, Occur.MUST);
                hasPositive = true;
            }
        }

        foreach (var group in query.Alternatives)
        {
            var any = new BooleanQuery(disableCoord: true);
            foreach (var alternative in group)
            {
                var terms = QueryTerms.Analyze(alternative);
                var clause = Words(terms).Count() == 1 ? RankedText(terms, reader, acronyms, audience) : Phrase(terms);
                if (clause is not null)
                {
                    any.Add(clause, Occur.SHOULD);
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
            if (Phrase(QueryTerms.Analyze(excluded)) is { } clause)
            {
                root.Add(clause, Occur.MUST_NOT);
            }
        }

        foreach (var filter in query.Filters.Where(f => f.Key == "title"))
        {
            if (Phrase(QueryTerms.Analyze(filter.Value), IndexFields.TitleFolded, IndexFields.Title) is { } clause)
            {
                root.Add(clause, Occur.MUST);
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

    /// <summary>
    /// The query words and neighbouring pairs a passage's best sentence is measured against
    /// (<see cref="SentenceCoverage"/>): the folded forms of the free text's content words and pairs,
    /// weighted by their idf in the folded text and pair fields.
    /// </summary>
    public (Dictionary<string, double> Words, Dictionary<string, double> Pairs) CoverageWeights(UserQuery query, IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        var terms = FreeTextTerms(query, reader);

        var content = terms.Where(t => t.Kind != TokenKind.Code && !(_weights.DropFillers && t.IsFiller)).ToList();
        return (Weigh(content.Select(t => t.FoldedMatch), IndexFields.TextFolded), Weigh(Runs(terms, _weights.DropFillers, 2), IndexFields.TextBigrams));

        Dictionary<string, double> Weigh(IEnumerable<string> forms, string field)
        {
            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            var documents = Math.Max(1, reader.NumDocs);
            foreach (var form in forms)
            {
                if (!weights.ContainsKey(form))
                {
                    var df = reader.DocFreq(new Term(field, form));
                    weights[form] = df == 0 ? 0 : ExactLengthBm25Similarity.Idf(df, documents, _weights.IdfPower);
                }
            }

            return weights;
        }
    }

    /// <summary>Free text: every syllable ranked, accents as typed, pairs for proximity, acronyms both ways.</summary>
    private BooleanQuery RankedText(IReadOnlyList<QueryTerm> terms, IndexReader reader, AcronymTable acronyms, Filter? audience)
    {
        var dropFillers = _weights.DropFillers;
        if (dropFillers)
        {
            terms = KeepFillersThatStartWords(terms, reader);
        }

        var content = terms.Where(t => !(dropFillers && t.IsFiller)).ToList();

        var folded = Distinct(content.Select(t => t.FoldedMatch));
        folded = Rarest(folded, IndexFields.TextFolded, reader, _weights.MaxTerms);
        var exact = Distinct(content.Where(CountsExactly).Select(t => t.Exact));
        exact = Rarest(exact, IndexFields.Text, reader, _weights.MaxTerms);

        var names = new HashSet<string>(content.Where(t => t.IsName).SelectMany(t => new[] { t.FoldedMatch, t.Exact }), StringComparer.Ordinal);
        float Scale(string term) => names.Contains(term) ? _weights.Name : 1f;
        var match = new BooleanQuery(disableCoord: true);
        foreach (var term in folded)
        {
            // Issue 11's clause budget (off by default): past the share, a common syllable's title clauses are left
            // out. Measured: no faster (title postings are short), and a loss where titles name the article.
            var titled = !IsCommon(IndexFields.TextFolded, term, _weights.CommonTitleShare, reader);
            AddTerm(match, IndexFields.TextFolded, term, _weights.Folded * Scale(term));
            if (titled)
            {
                AddTerm(match, IndexFields.TitleFolded, term, _weights.TitleFolded * Scale(term));
            }

            foreach (var variant in Variants(term, IndexFields.TextFolded, reader))
            {
                AddTerm(match, IndexFields.TextFolded, variant, _weights.Folded * Scale(term) * _weights.SpellingVariant);
                if (titled)
                {
                    AddTerm(match, IndexFields.TitleFolded, variant, _weights.TitleFolded * Scale(term) * _weights.SpellingVariant);
                }
            }

            if (_weights.Typo > 0 && IsTypoCandidate(term) && !VisibleTerms.Holds(reader, new Term(IndexFields.TextFolded, term), audience))
            {
                // A word the index (as this audience sees it) never saw is most likely misspelt ("vaccince", "nghanh"): take its nearest spellings.
                var maxEdits = term.Length >= 8 ? 2 : 1;
                match.Add(new FuzzyQuery(new Term(IndexFields.TextFolded, term), maxEdits, prefixLength: 1, maxExpansions: 8, transpositions: true) { Boost = _weights.Typo * Scale(term) }, Occur.SHOULD);
            }
        }

        foreach (var term in exact)
        {
            // Issue 11's clause budget (off by default): the folded clause still matches a common syllable. Measured:
            // barely faster, and a loss on uit_regulations_qa (docs/relevance.md, "Clause budget of long questions").
            if (IsCommon(IndexFields.Text, term, _weights.CommonExactShare, reader))
            {
                continue;
            }

            AddTerm(match, IndexFields.Text, term, _weights.Exact * Scale(term));
            if (!IsCommon(IndexFields.Text, term, _weights.CommonTitleShare, reader))
            {
                AddTerm(match, IndexFields.Title, term, _weights.TitleExact * Scale(term));
            }
        }

        AddAcronyms(match, content, acronyms);

        // One flat disjunction: Lucene scores it in bulk, several times faster than a required
        // disjunction with optional pairs. A pair matches only where both its syllables do (a typed đ
        // is kept in the pair too), so pairs never widen the result.
        foreach (var pair in Rarest(Distinct(Runs(terms, dropFillers, 2)), IndexFields.TextBigrams, reader, _weights.MaxPairs))
        {
            var titled = !IsCommon(IndexFields.TextBigrams, pair, _weights.CommonTitleShare, reader);
            AddTerm(match, IndexFields.TextBigrams, pair, _weights.Bigram);
            if (titled)
            {
                AddTerm(match, IndexFields.TitleBigrams, pair, _weights.TitleBigram);
            }

            foreach (var variant in Variants(pair, IndexFields.TextBigrams, reader))
            {
                AddTerm(match, IndexFields.TextBigrams, variant, _weights.Bigram * _weights.SpellingVariant);
                if (titled)
                {
                    AddTerm(match, IndexFields.TitleBigrams, variant, _weights.TitleBigram * _weights.SpellingVariant);
                }
            }
        }

        return match;
    }

    /// <summary>
    /// The other i/y spellings of a syllable or a pair (<see cref="SpellingVariants"/>: <c>ki</c> → <c>ky</c>,
    /// <c>ky_thuat</c> → <c>ki_thuat</c>) that <paramref name="field"/> holds; none when <see cref="RankingWeights.SpellingVariant"/> is 0.
    /// </summary>
    private IEnumerable<string> Variants(string term, string field, IndexReader reader)
    {
        if (_weights.SpellingVariant <= 0)
        {
            return [];
        }

        return SpellingVariants.OfTerm(term, Analysis.SyllableShingleFilter.Separator)
            .Where(v => reader.DocFreq(new Term(field, v)) > 0);
    }

    /// <summary>The free text's terms; when fillers are dropped, those that start a word of the corpus are no longer fillers.</summary>
    private IReadOnlyList<QueryTerm> FreeTextTerms(UserQuery query, IndexReader reader)
    {
        var terms = QueryTerms.Analyze(query.FreeText);
        return _weights.DropFillers ? KeepFillersThatStartWords(terms, reader) : terms;
    }

    /// <summary>
    /// A one-syllable question word may begin a word of the corpus: "ai" in "ai cập" (Egypt), "nào" in
    /// "nào đó". It stays when the index often holds it together with the next syllable: in at least two
    /// passages and a tenth of those that have it at all.
    /// </summary>
    private static IReadOnlyList<QueryTerm> KeepFillersThatStartWords(IReadOnlyList<QueryTerm> terms, IndexReader reader)
    {
        List<QueryTerm>? kept = null;
        for (var i = 0; i + 1 < terms.Count; i++)
        {
            var term = terms[i];
            var next = terms[i + 1];
            var alone = i == 0 || !terms[i - 1].IsFiller || term.BreakBefore;
            if (!term.IsFiller || !alone || next.IsFiller || next.BreakBefore || next.Kind != TokenKind.Word)
            {
                continue;
            }

            var together = reader.DocFreq(new Term(IndexFields.TextBigrams, Analysis.SyllableShingleFilter.Shingle([term.Exact, next.Exact])));
            if (together >= 2 && together * 10 >= reader.DocFreq(new Term(IndexFields.TextFolded, term.Folded)))
            {
                kept ??= [.. terms];
                kept[i] = term with { IsFiller = false };
            }
        }

        return kept ?? terms;
    }

    /// <summary>Long enough to have a near miss worth correcting, and a word (not a number or code).</summary>
    private static bool IsTypoCandidate(string folded) => folded.Length >= 4 && folded.All(char.IsLetter);

    private bool CountsExactly(QueryTerm term) => _weights.ExactForUnaccented ? term.ExactIntended : term.Accented;

    private void AddAcronyms(BooleanQuery match, IReadOnlyList<QueryTerm> content, AcronymTable acronyms)
    {
        if (_weights.Acronym <= 0)
        {
            return;
        }

        foreach (var term in content)
        {
            foreach (var expansion in acronyms.ExpansionsOf(term))
            {
                var phrase = new PhraseQuery { Boost = _weights.Acronym };
                foreach (var syllable in expansion.Syllables)
                {
                    phrase.Add(new Term(IndexFields.TextFolded, VietnameseText.Fold(syllable)));
                }

                match.Add(phrase, Occur.SHOULD);
            }
        }

        foreach (var key in Distinct(acronyms.FindExpansions(content).Select(m => m.Acronym.Key)))
        {
            AddTerm(match, IndexFields.TextFolded, key, _weights.Acronym);
        }
    }

    /// <summary>
    /// Folded runs of <paramref name="size"/> neighbouring content syllables, as the shingle fields hold
    /// them; a filler or punctuation between two breaks the run, and a typed đ is kept.
    /// </summary>
    private static IEnumerable<string> Runs(IReadOnlyList<QueryTerm> terms, bool dropFillers, int size)
    {
        var window = new List<QueryTerm>(size);
        foreach (var term in terms)
        {
            if (term.Kind == TokenKind.Code)
            {
                continue;
            }

            if ((dropFillers && term.IsFiller) || term.BreakBefore)
            {
                window.Clear();
                if (dropFillers && term.IsFiller)
                {
                    continue;
                }
            }

            window.Add(term);
            if (window.Count > size)
            {
                window.RemoveAt(0);
            }

            if (window.Count == size)
            {
                var stroke = window.Any(t => VietnameseText.HasDStroke(t.Exact));
                yield return Analysis.SyllableShingleFilter.Shingle(window.Select(t => t.Exact), stroke);
            }
        }
    }

    /// <summary>
    /// Whether more than <paramref name="share"/> of the passages hold <paramref name="term"/> in <paramref name="field"/>
    /// (a passage-text field); never when the share is 0 (off) or 1 and above.
    /// </summary>
    private static bool IsCommon(string field, string term, float share, IndexReader reader) =>
        share is > 0 and < 1 && reader.DocFreq(new Term(field, term)) > share * Math.Max(1, reader.NumDocs);

    /// <summary>
    /// At most <paramref name="max"/> terms (<see cref="RankingWeights.MaxTerms"/>, <see cref="RankingWeights.MaxPairs"/>): the
    /// rarest in <paramref name="field"/> (common words add little and cost most), in the order of the query.
    /// </summary>
    private static List<string> Rarest(List<string> terms, string field, IndexReader reader, int max)
    {
        if (terms.Count <= max)
        {
            return terms;
        }

        var keep = terms
            .Select((text, order) => (text, order, df: reader.DocFreq(new Term(field, text))))
            .OrderBy(t => t.df)
            .ThenBy(t => t.order)
            .Take(max)
            .OrderBy(t => t.order);
        return keep.Select(t => t.text).ToList();
    }

    /// <summary>An exact phrase: folded positions must match; where every syllable was typed with accents, the exact form ranks higher.</summary>
    private BooleanQuery? Phrase(IReadOnlyList<QueryTerm> terms, string foldedField = IndexFields.TextFolded, string exactField = IndexFields.Text)
    {
        var words = Words(terms).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        if (words.Count == 1)
        {
            AddTerm(query, foldedField, words[0].FoldedMatch, _weights.Folded, Occur.MUST);
        }
        else
        {
            var folded = new PhraseQuery { Boost = _weights.Folded };
            foreach (var word in words)
            {
                folded.Add(new Term(foldedField, word.FoldedMatch));
            }

            query.Add(folded, Occur.MUST);
        }

        if (words.All(w => w.Accented || w.Kind != TokenKind.Word))
        {
            var exact = new PhraseQuery { Boost = _weights.Exact };
            foreach (var word in words)
            {
                exact.Add(new Term(exactField, word.Exact));
            }

            query.Add(exact, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>The terms that take a position of their own (a whole code shares its first part's).</summary>
    private static IEnumerable<QueryTerm> Words(IReadOnlyList<QueryTerm> terms) => terms.Where(t => t.Kind != TokenKind.Code);

    private static List<string> Distinct(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).ToList();

    private static void AddTerm(BooleanQuery query, string field, string text, float boost, Occur occur = Occur.SHOULD)
    {
        if (boost > 0)
        {
            query.Add(new TermQuery(new Term(field, text)) { Boost = boost }, occur);
        }
    }
}
