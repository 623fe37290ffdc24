using System.Text;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Highlighting;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Vietnamese.Syllables;
using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Suggesting;

/// <summary>
/// "Did you mean": for a query typed without accents, the accented form the corpus writes
/// (<c>cai cach hanh chinh</c> → <c>cải cách hành chính</c>, chosen over the longest runs of words the corpus
/// has in a row, so context decides between <c>cải cách</c> and <c>cái cách</c>); for a word the corpus does
/// not have, its nearest frequent neighbour. Phrases, exclusions and filters are left as typed.
/// Stateless and thread-safe.
/// </summary>
public static class QueryCorrector
{
    private const int LongestRun = 4;

    /// <summary>Nearest indexed words whose written forms are compared with a misspelt word typed with accents.</summary>
    private const int MaxAccentedCandidates = 6;

    /// <summary>
    /// Passages sampled per run of words: a run of two or more words in a row seldom has more than one written
    /// form, so a few passages decide; each sample is a stored-field read, and a question has many runs.
    /// </summary>
    private const int Samples = 10;

    /// <param name="searcher">The index.</param>
    /// <param name="query">The query as typed.</param>
    /// <param name="filter">The search's filter: a correction is offered only if a passage it lets through holds it.</param>
    /// <param name="audience">
    /// The caller's visibility filter alone (null: sees everything): a word no passage it lets through holds is a word
    /// to correct, even when hidden documents hold it, so whether a correction is offered says nothing of them.
    /// </param>
    public static QueryCorrection? Correct(IndexSearcher searcher, string query, Filter? filter = null, Filter? audience = null)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var text = VietnameseText.ToNfc(query);
        var tokens = Tokens(text);
        var corrected = tokens.Select(t => t.Word).ToList();
        var reason = CorrectionReason.AccentsRestored;
        // A query typed with accents writes its plain words as meant ("ma túy", "năm nay", "trong"): only the words
        // respelt below have their accents restored. Looking the others up cost most of a search's time, for nothing.
        var typedWithAccents = TypedWithAccents(tokens);
        var respelt = new HashSet<int>();
        foreach (var run in PlainRuns(text, tokens))
        {
            var words = run.Select(i => VietnameseText.Fold(tokens[i].Word).ToLowerInvariant()).ToList();
            for (var w = 0; w < words.Count; w++)
            {
                if (VisibleTerms.Holds(searcher.IndexReader, new Term(IndexFields.TextFolded, words[w]), audience))
                {
                    continue;
                }

                var typed = tokens[run[w]].Word;
                if ((typedWithAccents || VietnameseText.HasDiacritics(typed)) && VietnameseSyllable.IsValid(typed))
                {
                    // A well-formed syllable typed with accents (or plain in a query typed with accents) is a word the
                    // corpus lacks, not a typo: "giấy phép" and "bao nhiêu" stay, though a small corpus only has
                    // "pháp" and "ban" (issue 13). "cáchh" and "chinnh" are respelt below.
                    continue;
                }

                if (VietnameseText.HasDiacritics(typed) && NearestKeepingAccents(searcher, typed, words[w], filter) is { } form)
                {
                    // Typed with accents: the corpus's written form closest to what was typed ("cáchh" → "cách", not "cac").
                    words[w] = VietnameseText.Fold(form);
                    corrected[run[w]] = KeepCase(typed, form);
                    reason = CorrectionReason.SpellingCorrected;
                }
                else if (Nearest(searcher, words[w], filter) is { } fixedWord)
                {
                    words[w] = fixedWord;
                    corrected[run[w]] = fixedWord;
                    respelt.Add(run[w]);
                    reason = CorrectionReason.SpellingCorrected;
                }
            }

            // Restore accents only where the user typed none: an accent typed is an accent meant.
            var start = 0;
            while (start < words.Count)
            {
                var restored = false;
                for (var length = Math.Min(LongestRun, words.Count - start); length >= 1 && !restored; length--)
                {
                    var window = run.Skip(start).Take(length).ToList();
                    if (window.Any(i => VietnameseText.HasDiacritics(tokens[i].Word) || (typedWithAccents && !respelt.Contains(i))))
                    {
                        continue;
                    }

                    var forms = CorpusForms.Find(searcher, words.GetRange(start, length), filter: filter, samples: Samples);
                    if (forms.Count == 0)
                    {
                        continue;
                    }

                    var formWords = forms[0].Form.Split(' ');
                    if (formWords.Length != length)
                    {
                        continue;
                    }

                    for (var k = 0; k < length; k++)
                    {
                        corrected[window[k]] = KeepCase(tokens[window[k]].Word, formWords[k]);
                    }

                    start += length;
                    restored = true;
                }

                if (!restored)
                {
                    start++;
                }
            }
        }

        bool Changed(int i) => !string.Equals(corrected[i], tokens[i].Word, StringComparison.Ordinal);
        if (!Enumerable.Range(0, tokens.Count).Any(Changed))
        {
            return null;
        }

        // The query as typed, only the changed words replaced (their punctuation kept). The white space between
        // tokens stays too: a dash after a line break is a bullet, after a space an exclusion.
        var plain = new StringBuilder();
        var html = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (token, (start, length)) = (tokens[i].Token, tokens[i].WordRange);
            var separator = i > 0 ? text[(tokens[i - 1].Offset + tokens[i - 1].Token.Length)..tokens[i].Offset] : string.Empty;
            var (before, after) = (token[..start], token[(start + length)..]);
            plain.Append(separator).Append(before).Append(corrected[i]).Append(after);
            var isChanged = Changed(i);
            html.Append(separator).Append(MinimalHtmlEncoder.Encode(before))
                .Append(isChanged ? "<strong>" : string.Empty).Append(MinimalHtmlEncoder.Encode(corrected[i])).Append(isChanged ? "</strong>" : string.Empty)
                .Append(MinimalHtmlEncoder.Encode(after));
        }

        return new QueryCorrection(plain.ToString(), html.ToString(), reason);
    }

    /// <summary>
    /// Whether most of the query's words (letters only) carry accents or a đ: a query typed with accents, whose
    /// plain words are plain on purpose (half or fewer: typed without them, the odd accented word aside).
    /// </summary>
    private static bool TypedWithAccents(List<QueryToken> tokens)
    {
        var words = tokens.Select(t => t.Word).Where(w => w.Length > 0 && w.All(char.IsLetter)).ToList();
        return words.Count(w => VietnameseText.HasDiacritics(w)) * 2 > words.Count;
    }

    /// <summary>
    /// The most frequent indexed word within one or two edits (one for short words) that a passage the
    /// <paramref name="filter"/> allows holds, if any: a word only hidden documents have is never offered.
    /// </summary>
    public static string? Nearest(IndexSearcher searcher, string folded, Filter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        return Candidates(searcher, folded, filter).FirstOrDefault();
    }

    /// <summary>
    /// Indexed words within one or two edits of <paramref name="folded"/> that the filter allows: fewest edits
    /// first ("cachh" is "cach" before "cac"), then the most frequent.
    /// </summary>
    private static IEnumerable<string> Candidates(IndexSearcher searcher, string folded, Filter? filter)
    {
        var reader = searcher.IndexReader;
        if (folded.Length < 3 || !folded.All(char.IsLetter))
        {
            return [];
        }

        var fuzzy = new FuzzyQuery(new Term(IndexFields.TextFolded, folded), folded.Length <= 4 ? 1 : 2, prefixLength: 1, maxExpansions: 50, transpositions: true);
        if (fuzzy.Rewrite(reader) is not BooleanQuery expanded)
        {
            return [];
        }

        return expanded.Clauses
            .Select(c => c.Query)
            .OfType<TermQuery>()
            .Select(q => (Text: q.Term.Text, Frequency: reader.DocFreq(q.Term)))
            .Where(t => t.Frequency > 0 && t.Text != folded)
            .OrderBy(t => EditDistance.Between(folded, t.Text))
            .ThenByDescending(t => t.Frequency)
            .ThenBy(t => t.Text, StringComparer.Ordinal)
            .Select(t => t.Text)
            .Where(text => filter is null || searcher.Search(new TermQuery(new Term(IndexFields.TextFolded, text)), filter, 1).TotalHits > 0);
    }

    /// <summary>
    /// For a misspelt word typed with accents: of its nearest indexed words, the written form the corpus uses
    /// that is closest to what was typed, accents included (fewest edits, then the most frequent form).
    /// </summary>
    private static string? NearestKeepingAccents(IndexSearcher searcher, string typed, string folded, Filter? filter)
    {
        var exact = VietnameseText.NormalizeTerm(typed);
        return Candidates(searcher, folded, filter)
            .Take(MaxAccentedCandidates)
            .SelectMany(candidate => CorpusForms.Find(searcher, [candidate], filter: filter, samples: Samples).Select(f => (Form: VietnameseText.NormalizeTerm(f.Form), f.Count)))
            .Where(f => !f.Form.Contains(' ', StringComparison.Ordinal))
            .OrderBy(f => EditDistance.Between(exact, f.Form))
            .ThenByDescending(f => f.Count)
            .Select(f => f.Form)
            .FirstOrDefault();
    }

    /// <summary>
    /// The query split at white space; each token's word is the token without the punctuation around it
    /// (<c>"chinh?"</c> → <c>chinh</c>, <c>(cai</c> → <c>cai</c>), so a pasted question's words are corrected too.
    /// </summary>
    private static List<QueryToken> Tokens(string text)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var token = text[i..end];
            var first = 0;
            while (first < token.Length && !char.IsLetterOrDigit(token[first]))
            {
                first++;
            }

            var last = token.Length;
            while (last > first && !char.IsLetterOrDigit(token[last - 1]))
            {
                last--;
            }

            tokens.Add(new QueryToken(token, i, (first, last - first)));
            i = end;
        }

        return tokens;
    }

    /// <summary>
    /// Runs of consecutive plain words: not inside a quoted phrase, not an exclusion (a dash opening a line is a
    /// bullet), a filter or OR, letters only. Quotation marks pair up as <see cref="UserQueryParser"/> pairs them: one without a partner
    /// is stray punctuation, and the words after it are plain words.
    /// </summary>
    private static IEnumerable<List<int>> PlainRuns(string text, List<QueryToken> tokens)
    {
        var quoted = QuotedRanges(text);
        var run = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (token, offset, (start, length)) = tokens[i];
            var word = token.Substring(start, length);
            var plain = length > 0
                && !quoted.Any(q => offset < q.End && offset + token.Length > q.Start)
                && !(token.StartsWith('-') && start == 1 && !(offset > 0 && text[offset - 1] == '\n'))
                && !token.Contains(':', StringComparison.Ordinal)
                && token is not ("OR" or "|")
                && word.All(char.IsLetter);
            if (plain)
            {
                run.Add(i);
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static List<(int Start, int End)> QuotedRanges(string text)
    {
        var ranges = new List<(int Start, int End)>();
        var open = UserQueryParser.NextQuotationMark(text, 0);
        while (open >= 0)
        {
            var close = UserQueryParser.NextQuotationMark(text, open + 1);
            if (close < 0)
            {
                break;
            }

            ranges.Add((open, close + 1));
            open = UserQueryParser.NextQuotationMark(text, close + 1);
        }

        return ranges;
    }

    private static string KeepCase(string typed, string form) =>
        typed.Length > 0 && char.IsUpper(typed[0])
            ? typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? form.ToUpperInvariant() : char.ToUpperInvariant(form[0]) + form[1..]
            : form;

    /// <param name="Token">The text between white space.</param>
    /// <param name="Offset">Where the token starts in the query.</param>
    /// <param name="WordRange">The word inside the token, without the punctuation around it.</param>
    private sealed record QueryToken(string Token, int Offset, (int Start, int Length) WordRange)
    {
        public string Word => Token.Substring(WordRange.Start, WordRange.Length);
    }
}
