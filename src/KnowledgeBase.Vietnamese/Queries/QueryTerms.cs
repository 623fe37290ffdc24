using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;
using KnowledgeBase.Vietnamese.Words;

namespace KnowledgeBase.Vietnamese.Queries;

/// <summary>
/// Turns query text into <see cref="QueryTerm"/>s with the same tokenizer and normalization the index
/// uses, and marks the fillers. Stateless and thread-safe.
/// </summary>
public static class QueryTerms
{
    public static IReadOnlyList<QueryTerm> Analyze(string text) => Analyze(text, QueryFillers.Default);

    /// <summary>
    /// The terms of <paramref name="text"/>, in order (a code comes whole, then part by part). Fillers are
    /// marked, unless every word is one ("ai là ai?"): then nothing is.
    /// </summary>
    public static IReadOnlyList<QueryTerm> Analyze(string text, QueryFillers fillers)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fillers);
        var nfc = VietnameseText.ToNfc(text);
        var tokens = TextTokenizer.Tokenize(nfc);
        var terms = new List<QueryTerm>(tokens.Count);
        foreach (var token in tokens)
        {
            var typed = token.TextOf(nfc);
            var exact = VietnameseText.NormalizeTerm(typed);
            terms.Add(new QueryTerm
            {
                Text = typed,
                Exact = exact,
                Folded = VietnameseText.Fold(exact),
                Kind = token.Kind,
                Accented = VietnameseText.HasDiacritics(typed),
                BreakBefore = token.BreakBefore,
            });
        }

        // A query is typed with accents when more than half of its possible syllables carry them.
        var syllables = terms.Count(t => t.Kind == TokenKind.Word && SyllableShape.IsPossible(t.Folded));
        var accentTyped = syllables > 0 && terms.Count(t => t.Kind == TokenKind.Word && t.Accented) * 2 > syllables;
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            var exactIntended = term.Accented || !SyllableShape.IsPossible(term.Folded) || accentTyped;
            if (exactIntended)
            {
                terms[i] = term with { ExactIntended = true };
            }
        }

        MarkNames(terms, tokens, nfc);
        var filler = fillers.Find(terms);
        var content = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            content += filler[i] || terms[i].Kind == TokenKind.CodePart ? 0 : 1;
        }

        if (content == 0)
        {
            return terms;
        }

        for (var i = 0; i < terms.Count; i++)
        {
            if (filler[i])
            {
                terms[i] = terms[i] with { IsFiller = true };
            }
        }

        return terms;
    }

    /// <summary>
    /// Capitalized words inside a sentence, or at its start when the next word is capitalized too, are
    /// names; so are words that cannot be Vietnamese syllables. All-capital words are acronyms instead.
    /// </summary>
    private static void MarkNames(List<QueryTerm> terms, IReadOnlyList<TextToken> tokens, string text)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            if (term.Kind != TokenKind.Word)
            {
                continue;
            }

            if (term.Text.Length > 1 && term.Text.All(char.IsUpper))
            {
                continue;
            }

            if (term.Folded.Length >= 3 && term.Folded.All(char.IsAsciiLetterLower) && !SyllableShape.IsPossible(term.Folded))
            {
                terms[i] = term with { IsName = true };
                continue;
            }

            if (!char.IsUpper(term.Text[0]))
            {
                continue;
            }

            var sentenceStart = i == 0 || EndsSentence(text, tokens[i - 1].End, tokens[i].Start);
            var nextCapitalized = i + 1 < terms.Count && terms[i + 1].Kind == TokenKind.Word && char.IsUpper(terms[i + 1].Text[0]) && !terms[i + 1].BreakBefore;
            if (!sentenceStart || nextCapitalized)
            {
                terms[i] = term with { IsName = true };
            }
        }
    }

    private static bool EndsSentence(string text, int from, int to) =>
        from <= to && text.AsSpan(from, to - from).IndexOfAny(".?!:\n") >= 0;
}
