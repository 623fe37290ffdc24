using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;

namespace KnowledgeBase.Vietnamese.Queries;

/// <summary>
/// How much of a question one sentence of a passage answers — the best-passage evidence of classic IR,
/// at sentence grain. A sentence scores the share of the query's word weight it holds (each distinct word
/// once) and, where the query has pairs of neighbouring words, the share of pair weight, averaged; the
/// best sentence counts. A question is usually answered by one sentence, so a passage with the words
/// together beats one with the same words spread out. Stateless and thread-safe.
/// </summary>
public static class SentenceCoverage
{
    /// <summary>
    /// The best sentence's coverage (0–1). <paramref name="words"/> is keyed by the folded forms the query
    /// searched for (<see cref="QueryTerm.FoldedMatch"/>: a typed đ stays đ); <paramref name="pairs"/> by
    /// two such forms joined with a space. With <paramref name="spellingVariants"/>, a word of the passage also counts
    /// for its other i/y spelling (<see cref="SpellingVariants"/>: the passage's <c>kỳ</c> for the query's <c>kì</c>).
    /// </summary>
    public static double Best(string text, IReadOnlyDictionary<string, double> words, IReadOnlyDictionary<string, double> pairs, bool spellingVariants = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(pairs);
        var wordTotal = words.Values.Sum();
        var pairTotal = pairs.Values.Sum();
        if (wordTotal <= 0 || text.Length == 0)
        {
            return 0;
        }

        var best = 0.0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        double wordSum = 0, pairSum = 0;
        string? previousFolded = null;
        string? previousStroke = null;
        string? previousVariant = null;
        var previousEnd = 0;
        foreach (var token in TextTokenizer.Tokenize(text))
        {
            if (token.Kind == TokenKind.Code)
            {
                continue;
            }

            if (EndsSentence(text, previousEnd, token.Start))
            {
                best = Math.Max(best, Score());
                seen.Clear();
                wordSum = pairSum = 0;
                previousFolded = previousStroke = previousVariant = null;
            }

            previousEnd = token.End;
            var normalized = VietnameseText.NormalizeTerm(token.TextOf(text));
            var folded = VietnameseText.Fold(normalized);
            var stroke = VietnameseText.HasDStroke(normalized) ? VietnameseText.FoldKeepingDStroke(normalized) : null;
            var variant = spellingVariants ? SpellingVariants.OtherIY(folded) : null;
            wordSum += Take(words, folded) ?? (stroke is null ? null : Take(words, stroke)) ?? (variant is null ? 0 : Take(words, variant) ?? 0);
            if (previousFolded is not null && pairs.Count > 0)
            {
                var pair = previousFolded + " " + folded;
                pairSum += Take(pairs, pair)
                    ?? (previousStroke is null && stroke is null ? null : Take(pairs, (previousStroke ?? previousFolded) + " " + (stroke ?? folded)))
                    // Only a pair with a syllable of two i/y spellings has other spellings (most pairs have none: no allocation).
                    ?? ((variant ?? previousVariant) is null ? null : SpellingVariants.OfTerm(pair, ' ').Select(v => Take(pairs, v)).FirstOrDefault(w => w is not null))
                    ?? 0;
            }

            previousFolded = folded;
            previousStroke = stroke;
            previousVariant = variant;
        }

        return Math.Max(best, Score());

        double Score() => pairTotal > 0 ? ((wordSum / wordTotal) + (pairSum / pairTotal)) / 2 : wordSum / wordTotal;

        double? Take(IReadOnlyDictionary<string, double> weights, string form) =>
            weights.TryGetValue(form, out var weight) && seen.Add(form) ? weight : null;
    }

    private static bool EndsSentence(string text, int from, int to)
    {
        foreach (var c in text.AsSpan(from, Math.Max(0, to - from)))
        {
            if (c is '.' or '!' or '?' or ';' or '\n')
            {
                return true;
            }
        }

        return false;
    }
}
