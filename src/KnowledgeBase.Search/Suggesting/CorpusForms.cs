using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Suggesting;

/// <summary>
/// How the corpus writes a sequence of words: finds passages holding the accent-folded words in a row and
/// reads, from their stored text, the accented forms actually written there, the most frequent first. The
/// ground truth for accent restoration and completions is thus the index's own text. Stateless, thread-safe.
/// </summary>
public static partial class CorpusForms
{
    /// <summary>Passages read per lookup: enough for a reliable majority, few enough to stay fast.</summary>
    public const int SamplePassages = 40;

    private static readonly HashSet<string> TextOnly = [IndexFields.Text];

    /// <summary>
    /// The written forms of <paramref name="folded"/> (lower-case, accent-folded words in a row), optionally
    /// followed by up to <paramref name="extraWords"/> more words, with how often each occurs in the sample of
    /// <paramref name="samples"/> passages (each a stored-field read: the cost of a lookup).
    /// </summary>
    public static IReadOnlyList<(string Form, int Count)> Find(IndexSearcher searcher, IReadOnlyList<string> folded, int extraWords = 0, string? lastWordPrefix = null, Filter? filter = null, int samples = SamplePassages)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(folded);
        if (folded.Count == 0 && lastWordPrefix is null)
        {
            return [];
        }

        var query = new BooleanQuery();
        if (folded.Count == 1)
        {
            query.Add(new TermQuery(new Term(IndexFields.TextFolded, folded[0])), Occur.MUST);
        }
        else if (folded.Count > 1)
        {
            // Words in a row, through the index's pairs of neighbouring syllables: a pair's postings are short
            // where a common syllable's positions are long, so this is far cheaper than a phrase of syllables.
            // A sentence break between two words makes no pair; FormsIn checks each candidate anyway.
            var phrase = new PhraseQuery();
            for (var i = 0; i + 1 < folded.Count; i++)
            {
                phrase.Add(new Term(IndexFields.TextBigrams, Analysis.SyllableShingleFilter.Shingle([folded[i], folded[i + 1]])), i);
            }

            query.Add(phrase, Occur.MUST);
        }

        if (lastWordPrefix is not null)
        {
            query.Add(new PrefixQuery(new Term(IndexFields.TextFolded, lastWordPrefix)), Occur.MUST);
        }

        var top = searcher.Search(query, filter, samples);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scoreDoc in top.ScoreDocs)
        {
            var text = searcher.Doc(scoreDoc.Doc, TextOnly).Get(IndexFields.Text, CultureInfo.InvariantCulture);
            foreach (var form in FormsIn(text, folded, extraWords, lastWordPrefix))
            {
                counts[form] = counts.TryGetValue(form, out var n) ? n + 1 : 1;
            }
        }

        return [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }

    /// <summary>The lower-case, accent-folded words of a text, as the index folds them.</summary>
    public static IReadOnlyList<string> FoldedWords(string text) =>
        [.. Word().Matches(VietnameseText.ToNfc(text)).Select(m => VietnameseText.Fold(m.Value).ToLowerInvariant())];

    private static IEnumerable<string> FormsIn(string text, IReadOnlyList<string> folded, int extraWords, string? lastWordPrefix)
    {
        var words = Word().Matches(VietnameseText.ToNfc(text)).ToList();
        var keys = words.Select(m => VietnameseText.Fold(m.Value).ToLowerInvariant()).ToList();
        var needed = folded.Count + (lastWordPrefix is null ? 0 : 1);
        for (var i = 0; i + needed <= words.Count; i++)
        {
            var match = true;
            for (var j = 0; j < folded.Count && match; j++)
            {
                match = keys[i + j] == folded[j];
            }

            if (!match || (lastWordPrefix is not null && !keys[i + folded.Count].StartsWith(lastWordPrefix, StringComparison.Ordinal)))
            {
                continue;
            }

            // Only words in one run: a sentence or line break between them makes it no phrase.
            var end = Math.Min(words.Count, i + needed + extraWords);
            var last = i + needed - 1;
            while (last + 1 < end && OnlySpaceBetween(text, words[last], words[last + 1]))
            {
                last++;
            }

            if (!Enumerable.Range(i, needed - 1).All(k => OnlySpaceBetween(text, words[k], words[k + 1])))
            {
                continue;
            }

            yield return string.Join(' ', words.Skip(i).Take(last - i + 1).Select(m => m.Value.ToLower(CultureInfo.InvariantCulture)));
        }
    }

    private static bool OnlySpaceBetween(string text, Match a, Match b)
    {
        var gap = text.AsSpan(a.Index + a.Length, b.Index - a.Index - a.Length);
        return gap.Length is > 0 and <= 2 && gap.Trim().IsEmpty && !gap.Contains('\n');
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
