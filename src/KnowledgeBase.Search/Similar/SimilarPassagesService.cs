using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Highlighting;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Similar;

/// <summary>
/// "More like this" for a passage: its most significant folded words and pairs (<see cref="SignificantTerms"/>)
/// become a query, of which a similar passage holds at least two; passages of other documents come first. Thread-safe; each call takes its own searcher.
/// </summary>
public sealed class SimilarPassagesService : ISimilarPassagesService
{
    private static readonly HashSet<string> DocumentIdOnly = [IndexFields.DocumentId];
    private const int MaxQueryWords = 15;
    private const int MaxQueryPairs = 10;
    private readonly LuceneIndex _index;

    public SimilarPassagesService(LuceneIndex index)
    {
        _index = index;
    }

    public IReadOnlyList<SearchHit> FindSimilar(string passageId, int count, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        if (!PassageIds.TryParse(passageId, out var documentId, out _) || count <= 0)
        {
            return [];
        }

        // The passage itself and those like it: only what the audience may see (a passage it may not see has none).
        var filter = SearchFilterBuilder.Build(audience);
        return _index.WithSearcher(searcher =>
        {
            var source = searcher.Search(new TermQuery(new Term(IndexFields.Id, passageId)), filter, 1);
            if (source.TotalHits == 0)
            {
                return (IReadOnlyList<SearchHit>)[];
            }

            var text = searcher.Doc(source.ScoreDocs[0].Doc).Get(IndexFields.Text, CultureInfo.InvariantCulture);
            // The passage's most significant words and pairs (tf-idf; fillers, function syllables and numbers out).
            var significant = SignificantTerms.Of(text, searcher.IndexReader, MaxQueryWords, MaxQueryPairs);
            if (significant.Count == 0)
            {
                return (IReadOnlyList<SearchHit>)[];
            }

            var query = new BooleanQuery(disableCoord: true);
            foreach (var (term, weight) in significant)
            {
                query.Add(new TermQuery(term) { Boost = weight }, Occur.SHOULD);
            }

            // One shared word is chance; two significant terms make a passage about the same thing.
            query.MinimumNumberShouldMatch = Math.Min(2, significant.Count);

            var exclude = new BooleanQuery
            {
                { query, Occur.MUST },
                { new TermQuery(new Term(IndexFields.Id, passageId)), Occur.MUST_NOT },
            };
            var top = searcher.Search(exclude, filter, Math.Min(count * 4, 200));
            var forms = HighlightForms.OfFolded(significant.Where(t => t.Term.Field == IndexFields.TextFolded).Select(t => t.Term.Text));

            // Other documents first (a stable sort keeps the ranking within each side); only the hits kept are read whole.
            return [.. top.ScoreDocs
                .OrderBy(s => searcher.Doc(s.Doc, DocumentIdOnly).Get(IndexFields.DocumentId, CultureInfo.InvariantCulture) == documentId ? 1 : 0)
                .Take(count)
                .Select(s => (Doc: searcher.Doc(s.Doc), s.Score))
                .Select(h => PassageDocuments.ToHit(h.Doc, h.Score, PassageHighlighter.Highlight(forms, h.Doc.Get(IndexFields.Text, CultureInfo.InvariantCulture))))];
        });
    }
}
