using System.Globalization;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Suggesting;

/// <summary>
/// Completions while typing, accent-insensitive and answered in the corpus's own accented words: phrases
/// that continue what was typed (most frequent first), then document titles. Thread-safe.
/// </summary>
public sealed class SuggestionService : ISuggestionService
{
    // A keystroke's suggestions read titles only: not the passage text of every hit.
    private static readonly HashSet<string> TitleAndDocument = [IndexFields.Title, IndexFields.DocumentId];

    private const int MaxPrefixLength = 200;

    /// <summary>Passages whose titles are offered, best first.</summary>
    private const int TitlePassages = 50;

    /// <summary>The answers of the current snapshot, by prefix, count and filter.</summary>
    private static readonly SnapshotMemo<IReadOnlyList<Suggestion>> Answers = new(20_000);
    private readonly LuceneIndex _index;

    public SuggestionService(LuceneIndex index)
    {
        _index = index;
    }

    public IReadOnlyList<Suggestion> Suggest(string prefix, int count, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        if (string.IsNullOrWhiteSpace(prefix) || count <= 0)
        {
            return [];
        }

        prefix = VietnameseText.ToNfc(prefix.Length > MaxPrefixLength ? prefix[..MaxPrefixLength] : prefix);
        var words = CorpusForms.FoldedWords(prefix).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var endsWord = char.IsWhiteSpace(prefix[^1]);
        var complete = endsWord ? words : words[..^1];
        var partial = endsWord ? null : words[^1];
        if (partial is { Length: < 2 } && complete.Count == 0)
        {
            return [];
        }

        // Phrases and titles alike come only from passages the audience may see.
        var filter = SearchFilterBuilder.Build(audience);
        return _index.WithSearcher(searcher =>
        {
            // The prefixes everyone types first ("ng", "tôi", "số") match most of the index: answered once a snapshot.
            return FilterBits.MemoKey(filter) is { } filterKey
                ? Answers.GetOrAdd(searcher.IndexReader, string.Join('\u0001', [prefix, count.ToString(CultureInfo.InvariantCulture), filterKey]), (searcher, words, endsWord, complete, partial, count, filter), static a => Answer(a.searcher, a.words, a.endsWord, a.complete, a.partial, a.count, a.filter))
                : Answer(searcher, words, endsWord, complete, partial, count, filter);
        });
    }

    private static IReadOnlyList<Suggestion> Answer(IndexSearcher searcher, List<string> words, bool endsWord, List<string> complete, string? partial, int count, Filter? filter)
    {
        var suggestions = new List<Suggestion>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (form, _) in CorpusForms.Find(searcher, complete, extraWords: 2, lastWordPrefix: partial, filter))
        {
            if (form.Split(' ').Length > words.Count - (endsWord ? 0 : 1) && seen.Add(form))
            {
                suggestions.Add(new Suggestion(form, form.Contains(' ', StringComparison.Ordinal) ? SuggestionKind.Phrase : SuggestionKind.Term));
            }
        }

        suggestions = [.. suggestions.Take(Math.Max(1, count - 2))];
        foreach (var (title, documentId) in Titles(searcher, words, endsWord, filter))
        {
            if (suggestions.Count >= count)
            {
                break;
            }

            if (seen.Add(title))
            {
                suggestions.Add(new Suggestion(title, SuggestionKind.Title, documentId));
            }
        }

        return (IReadOnlyList<Suggestion>)[.. suggestions.Take(count)];
    }

    private static IEnumerable<(string Title, string DocumentId)> Titles(IndexSearcher searcher, List<string> words, bool endsWord, Filter? filter)
    {
        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var last = i == words.Count - 1 && !endsWord;
            query.Add(last ? new PrefixQuery(new Term(IndexFields.TitleFolded, words[i])) : new TermQuery(new Term(IndexFields.TitleFolded, words[i])), Occur.MUST);
        }

        IEnumerable<int> top;
        if (words.Count == 1 && !endsWord)
        {
            // A word being typed alone is a prefix query, which scores every title it matches alike: the best 50
            // are the first 50 in index order, found without scoring the rest ("ng" holds most titles).
            var first = new CorpusForms.FirstPassages(TitlePassages, inOrder: true);
            searcher.Search(query, filter, first);
            top = first.Docs;
        }
        else
        {
            top = searcher.Search(query, filter, TitlePassages).ScoreDocs.Select(s => s.Doc);
        }

        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in top)
        {
            var doc = searcher.Doc(passage, TitleAndDocument);
            var title = doc.Get(IndexFields.Title, CultureInfo.InvariantCulture);
            if (titles.Add(title))
            {
                yield return (title, doc.Get(IndexFields.DocumentId, CultureInfo.InvariantCulture));
            }
        }
    }
}
