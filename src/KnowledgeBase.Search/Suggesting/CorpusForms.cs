using System.Globalization;
using System.Text.RegularExpressions;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Querying;
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

    /// <summary>A first word being typed is completed from this many of its most frequent completions.</summary>
    private const int FirstWordCompletions = 8;

    private static readonly HashSet<string> TextOnly = [IndexFields.Text];

    /// <summary>Answers of this snapshot: a did-you-mean looks up the same common words and pairs query after query, suggestions the same prefixes.</summary>
    private static readonly SnapshotMemo<IReadOnlyList<(string Form, int Count)>> Looked = new(20_000);

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

        // The same words, filter and ranking over the same snapshot read the same sample: kept with the snapshot.
        var filterKey = FilterBits.MemoKey(filter);
        if (filterKey is null || !ReferenceEquals(searcher.Similarity, Ranking.Similarity))
        {
            return Look(searcher, folded, extraWords, lastWordPrefix, filter, samples);
        }

        var key = string.Join('\u0001', [string.Join(' ', folded), lastWordPrefix ?? "\u0002", extraWords.ToString(CultureInfo.InvariantCulture), samples.ToString(CultureInfo.InvariantCulture), filterKey]);
        return Looked.GetOrAdd(searcher.IndexReader, key, (searcher, folded, extraWords, lastWordPrefix, filter, samples), static a => Look(a.searcher, a.folded, a.extraWords, a.lastWordPrefix, a.filter, a.samples));
    }

    /// <summary>How many look-ups the current snapshot of <paramref name="reader"/> holds answers to (tests).</summary>
    internal static int LookedUp(IndexReader reader) => Looked.CountFor(reader);

    private static IReadOnlyList<(string Form, int Count)> Look(IndexSearcher searcher, IReadOnlyList<string> folded, int extraWords, string? lastWordPrefix, Filter? filter, int samples)
    {
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
            query.Add(LastWord(searcher.IndexReader, folded, lastWordPrefix), Occur.MUST);
        }

        // A first word being typed has only its completions to go by, all alike: the first passages that hold one
        // are as good a sample as any, and stopping there spares scoring a large share of the index.
        IEnumerable<int> sample;
        if (folded.Count == 0)
        {
            var first = new FirstPassages(samples);
            searcher.Search(query, filter, first);
            sample = first.Docs;
        }
        else
        {
            sample = searcher.Search(query, filter, samples).ScoreDocs.Select(s => s.Doc);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in sample)
        {
            var text = searcher.Doc(doc, TextOnly).Get(IndexFields.Text, CultureInfo.InvariantCulture);
            foreach (var form in FormsIn(text, folded, extraWords, lastWordPrefix))
            {
                counts[form] = counts.TryGetValue(form, out var n) ? n + 1 : 1;
            }
        }

        return [.. counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }

    /// <summary>
    /// Passages where a word starting with <paramref name="prefix"/> follows the last complete word: the pairs of
    /// neighbouring syllables that start so (a handful of short posting lists). A prefix of every syllable in the
    /// corpus ("c…") matches a large share of a million passages; as the first word, only its most frequent
    /// completions are looked up.
    /// </summary>
    private static Query LastWord(IndexReader reader, IReadOnlyList<string> folded, string prefix)
    {
        if (folded.Count > 0)
        {
            return new PrefixQuery(new Term(IndexFields.TextBigrams, Analysis.SyllableShingleFilter.Shingle([folded[^1], prefix])));
        }

        var completions = new BooleanQuery();
        foreach (var word in MostFrequent(reader, IndexFields.TextFolded, prefix, FirstWordCompletions))
        {
            completions.Add(new TermQuery(new Term(IndexFields.TextFolded, word)), Occur.SHOULD);
        }

        return completions;
    }

    /// <summary>The <paramref name="count"/> terms of a field starting with <paramref name="prefix"/> that most passages hold.</summary>
    private static List<string> MostFrequent(IndexReader reader, string field, string prefix, int count)
    {
        var best = new List<(string Term, int Frequency)>(count + 1);
        var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
        var start = new Lucene.Net.Util.BytesRef(prefix);
        if (terms is null || terms.SeekCeil(start) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        do
        {
            if (!Lucene.Net.Util.StringHelper.StartsWith(terms.Term, start))
            {
                break;
            }

            var frequency = terms.DocFreq;
            if (best.Count < count || frequency > best[^1].Frequency)
            {
                var at = best.FindIndex(b => b.Frequency < frequency);
                best.Insert(at < 0 ? best.Count : at, (terms.Term.Utf8ToString(), frequency));
                if (best.Count > count)
                {
                    best.RemoveAt(best.Count - 1);
                }
            }
        }
        while (terms.MoveNext());

        return [.. best.Select(b => b.Term)];
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

    /// <summary>
    /// Collects the first matching passages and then stops each further segment at its first match; with
    /// <paramref name="inOrder"/>, the first in index order (as a top-k of equal scores has them).
    /// </summary>
    internal sealed class FirstPassages(int wanted, bool inOrder = false) : ICollector
    {
        private int _docBase;

        public List<int> Docs { get; } = new(wanted);

        public bool AcceptsDocsOutOfOrder => !inOrder;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc)
        {
            if (Docs.Count >= wanted)
            {
                throw new CollectionTerminatedException();
            }

            Docs.Add(_docBase + doc);
        }
    }
}
