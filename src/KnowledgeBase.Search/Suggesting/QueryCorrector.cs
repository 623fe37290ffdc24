using System.Text;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Highlighting;
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

    /// <summary>
    /// Passages sampled per run of words: a run of two or more words in a row seldom has more than one written
    /// form, so a few passages decide; each sample is a stored-field read, and a question has many runs.
    /// </summary>
    private const int Samples = 10;

    public static QueryCorrection? Correct(IndexSearcher searcher, string query, Filter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var tokens = VietnameseText.ToNfc(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var corrected = tokens.ToList();
        var reason = CorrectionReason.AccentsRestored;
        foreach (var run in PlainRuns(tokens))
        {
            var words = run.Select(i => VietnameseText.Fold(tokens[i]).ToLowerInvariant()).ToList();
            for (var w = 0; w < words.Count; w++)
            {
                if (searcher.IndexReader.DocFreq(new Term(IndexFields.TextFolded, words[w])) == 0 && Nearest(searcher.IndexReader, words[w]) is { } fixedWord)
                {
                    words[w] = fixedWord;
                    corrected[run[w]] = fixedWord;
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
                    if (window.Any(i => VietnameseText.HasDiacritics(tokens[i])))
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
                        corrected[window[k]] = KeepCase(tokens[window[k]], formWords[k]);
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

        if (corrected.SequenceEqual(tokens, StringComparer.Ordinal))
        {
            return null;
        }

        var html = new StringBuilder();
        for (var i = 0; i < corrected.Count; i++)
        {
            html.Append(i > 0 ? " " : string.Empty);
            var changed = !string.Equals(corrected[i], tokens[i], StringComparison.Ordinal);
            html.Append(changed ? "<strong>" : string.Empty).Append(MinimalHtmlEncoder.Encode(corrected[i])).Append(changed ? "</strong>" : string.Empty);
        }

        return new QueryCorrection(string.Join(' ', corrected), html.ToString(), reason);
    }

    /// <summary>The most frequent indexed word within one or two edits (one for short words), if any.</summary>
    public static string? Nearest(IndexReader reader, string folded)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (folded.Length < 3 || !folded.All(char.IsLetter))
        {
            return null;
        }

        var fuzzy = new FuzzyQuery(new Term(IndexFields.TextFolded, folded), folded.Length <= 4 ? 1 : 2, prefixLength: 1, maxExpansions: 50, transpositions: true);
        if (fuzzy.Rewrite(reader) is not BooleanQuery expanded)
        {
            return null;
        }

        return expanded.Clauses
            .Select(c => c.Query)
            .OfType<TermQuery>()
            .Select(q => (Text: q.Term.Text, Frequency: reader.DocFreq(q.Term)))
            .Where(t => t.Frequency > 0 && t.Text != folded)
            .OrderByDescending(t => t.Frequency)
            .ThenBy(t => t.Text, StringComparer.Ordinal)
            .Select(t => t.Text)
            .FirstOrDefault();
    }

    /// <summary>Runs of consecutive plain words (not phrases, exclusions, filters or OR).</summary>
    private static IEnumerable<List<int>> PlainRuns(List<string> tokens)
    {
        var run = new List<int>();
        var inQuote = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var quotes = token.Count(c => c is '"' or '“' or '”');
            var plain = !inQuote && quotes == 0 && !token.StartsWith('-') && !token.Contains(':', StringComparison.Ordinal)
                && token != "OR" && token.All(char.IsLetter);
            if (quotes % 2 == 1)
            {
                inQuote = !inQuote;
            }

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

    private static string KeepCase(string typed, string form) =>
        typed.Length > 0 && char.IsUpper(typed[0])
            ? typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? form.ToUpperInvariant() : char.ToUpperInvariant(form[0]) + form[1..]
            : form;
}
