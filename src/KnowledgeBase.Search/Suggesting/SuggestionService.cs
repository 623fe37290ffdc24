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
        });
    }

    private static IEnumerable<(string Title, string DocumentId)> Titles(IndexSearcher searcher, List<string> words, bool endsWord, Filter? filter)
    {
        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var last = i == words.Count - 1 && !endsWord;
            query.Add(last ? new PrefixQuery(new Term(IndexFields.TitleFolded, words[i])) : new TermQuery(new Term(IndexFields.TitleFolded, words[i])), Occur.MUST);
        }

        var top = searcher.Search(query, filter, 50);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scoreDoc in top.ScoreDocs)
        {
            var doc = searcher.Doc(scoreDoc.Doc, TitleAndDocument);
            var title = doc.Get(IndexFields.Title, CultureInfo.InvariantCulture);
            if (titles.Add(title))
            {
                yield return (title, doc.Get(IndexFields.DocumentId, CultureInfo.InvariantCulture));
            }
        }
    }
}
