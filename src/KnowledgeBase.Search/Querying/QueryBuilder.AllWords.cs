using KnowledgeBase.Vietnamese.Acronyms;
using KnowledgeBase.Vietnamese.Queries;
using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// A short query typed with accents (<c>tài liệu bồi dưỡng cán bộ</c>) names what the reader wants: every one of
/// its syllables, in any accent form, is required by default. The ranked disjunction of <see cref="Build"/> stays
/// the score; this adds the requirement beside it, scoring nothing. Questions (a question word, filler or mark),
/// long pasted text and queries typed without accents keep the disjunction alone.
/// </summary>
public sealed partial class QueryBuilder
{
    /// <summary>Up to this many content syllables (fillers dropped) a query typed with accents is short.</summary>
    public const int MaxAllWordsSyllables = 6;

    /// <summary>
    /// <paramref name="ranked"/> (from <see cref="Build"/>) with every content syllable of the free text required
    /// (its folded form in text or title, its nearest spellings when the index does not know it, or an acronym's
    /// other form); null when the query is not a short accented one, so the ranked query is all there is.
    /// </summary>
    public Query? RequireAllWords(Query ranked, UserQuery query, IndexReader reader, AcronymTable acronyms, Filter? audience = null)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(acronyms);
        var terms = FreeTextTerms(query, reader);

        // A question ("… là gì?", "ai …", a final "không") is answered in other words: it keeps the disjunction.
        if (terms.Any(t => t.IsFiller) || query.FreeText.TrimEnd().EndsWith('?'))
        {
            return null;
        }

        var words = terms.Where(t => t.Kind != TokenKind.CodePart && !(_weights.DropFillers && t.IsFiller)).ToList();
        var syllables = words.Count(t => t.Kind == TokenKind.Word);
        if (words.Count < 2 || words.Count > MaxAllWordsSyllables || words.Count(t => t.Accented) * 2 <= syllables)
        {
            return null;
        }

        // A spelled-out expansion in the query ("cải cách hành chính") is also satisfied by its acronym (CCHC).
        var spelled = _weights.Acronym > 0 ? acronyms.FindExpansions(words) : [];
        var all = new BooleanQuery(disableCoord: true);
        var required = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var span = spelled.Where(m => m.First == i).OrderByDescending(m => m.Last).FirstOrDefault();
            if (span.Acronym is not null)
            {
                var spelledOut = new BooleanQuery(disableCoord: true);
                for (var k = span.First; k <= span.Last; k++)
                {
                    spelledOut.Add(AnyFormOf(words[k].FoldedMatch, words[k], reader, acronyms, audience), Occur.MUST);
                }

                all.Add(new BooleanQuery(disableCoord: true)
                {
                    { spelledOut, Occur.SHOULD },
                    { new TermQuery(new Term(IndexFields.TextFolded, span.Acronym.Key)), Occur.SHOULD },
                }, Occur.MUST);
                i = span.Last;
                continue;
            }

            if (required.Add(words[i].FoldedMatch))
            {
                all.Add(AnyFormOf(words[i].FoldedMatch, words[i], reader, acronyms, audience), Occur.MUST);
            }
        }

        var strict = new BooleanQuery(disableCoord: true) { { ranked, Occur.MUST } };
        strict.Add(new ConstantScoreQuery(all) { Boost = 0f }, Occur.MUST);
        return strict;
    }

    private BooleanQuery AnyFormOf(string folded, QueryTerm term, IndexReader reader, AcronymTable acronyms, Filter? audience)
    {
        var any = new BooleanQuery(disableCoord: true)
        {
            { new TermQuery(new Term(IndexFields.TextFolded, folded)), Occur.SHOULD },
            { new TermQuery(new Term(IndexFields.TitleFolded, folded)), Occur.SHOULD },
        };
        if (_weights.SpellingVariant > 0 && SpellingVariants.OtherIY(folded) is { } variant)
        {
            // Its other i/y spelling is the same word (kĩ / kỹ).
            any.Add(new TermQuery(new Term(IndexFields.TextFolded, variant)), Occur.SHOULD);
            any.Add(new TermQuery(new Term(IndexFields.TitleFolded, variant)), Occur.SHOULD);
        }

        if (_weights.Typo > 0 && IsTypoCandidate(folded) && !VisibleTerms.Holds(reader, new Term(IndexFields.TextFolded, folded), audience))
        {
            var maxEdits = folded.Length >= 8 ? 2 : 1;
            any.Add(new FuzzyQuery(new Term(IndexFields.TextFolded, folded), maxEdits, prefixLength: 1, maxExpansions: 8, transpositions: true), Occur.SHOULD);
        }

        foreach (var expansion in acronyms.ExpansionsOf(term))
        {
            var phrase = new PhraseQuery();
            foreach (var syllable in expansion.Syllables)
            {
                phrase.Add(new Term(IndexFields.TextFolded, VietnameseText.Fold(syllable)));
            }

            any.Add(phrase, Occur.SHOULD);
        }

        return any;
    }
}
