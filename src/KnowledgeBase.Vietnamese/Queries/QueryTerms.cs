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
}
