using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;
using KnowledgeBase.Vietnamese.Words;

namespace KnowledgeBase.Search.Highlighting;

/// <summary>
/// One marked word of a passage: its offsets in the original text and the plain folded query syllable it stands for.
/// <see cref="Lone"/>: a syllable the query holds only in pairs (<c>hệ</c> of <c>hệ thống</c>) standing here on its own
/// (<c>quan hệ</c>), most often another word. <see cref="ContinuesPair"/>: it and the marked word before it are one of
/// the query's pairs, side by side.
/// </summary>
public readonly record struct MatchedWord(int Start, int End, string Key, bool Lone = false, bool ContinuesPair = false);

/// <summary>
/// Which words of a passage to mark for a query. A word is a candidate when its folded form is one the query
/// searched (an unaccented query word marks every accent form; a typed đ marks only đ). Then the stronger form
/// wins inside the passage: a word typed with accents marks a differently-accented word only when the passage
/// holds no exact form of it (<c>kế</c> does not mark <c>Kể</c> beside <c>kế</c>), and a syllable the query
/// holds in a pair (<c>tài liệu</c>) marks its lone occurrences (<c>tài sản</c>) only when the passage never has
/// it in that pair, and a lone differently-accented occurrence or a lone function syllable (<c>và</c>, <c>được</c>) never.
/// Stateless and thread-safe.
/// </summary>
public static class MatchedWords
{
    public static List<MatchedWord> Find(HighlightForms forms, string text)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Candidate>();
        if (forms.Folded.Count == 0)
        {
            return [];
        }

        var tokens = TextTokenizer.Tokenize(text);
        var previousWord = -1;
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var normalized = VietnameseText.NormalizeTerm(token.TextOf(text));
            var folded = VietnameseText.Fold(normalized);
            var withStroke = VietnameseText.HasDStroke(normalized) ? VietnameseText.FoldKeepingDStroke(normalized) : null;
            var isWord = token.Kind == TokenKind.Word;
            var adjacent = isWord && previousWord >= 0 && previousWord == t - 1 && !token.BreakBefore;
            previousWord = isWord ? t : (token.Kind == TokenKind.CodePart ? previousWord : -1);

            // "dat" (typed d) marks dát and đất; "đat" (typed đ) marks only đất.
            if (!forms.Folded.Contains(folded) && (withStroke is null || !forms.Folded.Contains(withStroke)))
            {
                continue;
            }

            if (found.Count > 0 && token.Start < found[^1].End)
            {
                // A code part inside a code already marked whole.
                continue;
            }

            var exact = !forms.Exact.TryGetValue(folded, out var exactForms) || exactForms.Contains(normalized);
            found.Add(new Candidate(token.Start, token.End, folded, exact, adjacent ? t - 1 : -1, t) { Function = StopSyllables.Contains(normalized) });
        }

        KeepExactWherePresent(found, forms);
        KeepPairedWherePresent(found, forms);
        return [.. found.Where(c => c.Kept).Select(c => new MatchedWord(c.Start, c.End, c.Key, !c.Paired && forms.PairedKeys.Contains(c.Key), c.ContinuesPair))];
    }

    private static void KeepExactWherePresent(List<Candidate> found, HighlightForms forms)
    {
        var exactKeys = new HashSet<string>(found.Where(c => c.Exact && forms.Exact.ContainsKey(c.Key)).Select(c => c.Key), StringComparer.Ordinal);
        foreach (var candidate in found)
        {
            candidate.Kept = candidate.Exact || !exactKeys.Contains(candidate.Key);
        }
    }

    private static void KeepPairedWherePresent(List<Candidate> found, HighlightForms forms)
    {
        if (forms.Pairs.Count == 0)
        {
            return;
        }

        var byToken = found.Where(c => c.Kept).ToDictionary(c => c.Token);
        foreach (var candidate in byToken.Values)
        {
            if (candidate.PreviousToken >= 0 && byToken.TryGetValue(candidate.PreviousToken, out var previous)
                && forms.Pairs.Contains(previous.Key + Analysis.SyllableShingleFilter.Separator + candidate.Key))
            {
                previous.Paired = true;
                candidate.Paired = true;
                candidate.ContinuesPair = true;
            }
        }

        var pairedKeys = new HashSet<string>(byToken.Values.Where(c => c.Paired).Select(c => c.Key), StringComparer.Ordinal);
        foreach (var candidate in byToken.Values)
        {
            // A lone syllable is dropped where the passage has the pair; a lone differently-accented one always
            // ("Kể" for the "kế" of "kế hoạch", "tự" for the "tử" of "điện tử"), and a lone function syllable always
            // (the "và" of a long question, marked all over a passage).
            if (!candidate.Paired && forms.PairedKeys.Contains(candidate.Key) && (pairedKeys.Contains(candidate.Key) || !candidate.Exact || candidate.Function))
            {
                candidate.Kept = false;
            }
        }
    }

    private sealed class Candidate(int start, int end, string key, bool exact, int previousToken, int token)
    {
        public int Start { get; } = start;

        public int End { get; } = end;

        public string Key { get; } = key;

        public bool Exact { get; } = exact;

        /// <summary>The token just before, when it is a word with no punctuation between (-1 otherwise).</summary>
        public int PreviousToken { get; } = previousToken;

        public int Token { get; } = token;

        public bool Kept { get; set; } = true;

        public bool Paired { get; set; }

        /// <summary>A function syllable (<see cref="StopSyllables"/>: và, của, được…).</summary>
        public bool Function { get; init; }

        /// <summary>The word before and this one make one of the query's pairs.</summary>
        public bool ContinuesPair { get; set; }
    }
}
