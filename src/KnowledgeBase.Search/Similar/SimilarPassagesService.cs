using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Highlighting;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Similar;

/// <summary>
/// "More like this" for a passage: its distinctive folded words (frequent in it, rare in the corpus) become a
/// query; passages of other documents come first. Thread-safe; each call takes its own searcher.
/// </summary>
public sealed class SimilarPassagesService : ISimilarPassagesService
{
    private static readonly HashSet<string> DocumentIdOnly = [IndexFields.DocumentId];
    private const int MaxQueryTerms = 25;
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
            var like = new MoreLikeThis(searcher.IndexReader)
            {
                Analyzer = _index.Analyzer,
                FieldNames = [IndexFields.TextFolded],
                MinTermFreq = 1,
                MinDocFreq = 2,
                MinWordLen = 2,
                MaxQueryTerms = MaxQueryTerms,
                // Words in more than a fifth of the passages say nothing about this one.
                MaxDocFreq = Math.Max(2, searcher.IndexReader.NumDocs / 5),
            };
            using var reader = new StringReader(text);
            var query = like.Like(reader, IndexFields.TextFolded);

            var exclude = new BooleanQuery
            {
                { query, Occur.MUST },
                { new TermQuery(new Term(IndexFields.Id, passageId)), Occur.MUST_NOT },
            };
            var top = searcher.Search(exclude, filter, Math.Min(count * 4, 200));
            var forms = PassageHighlighter.SearchedForms(query);

            // Other documents first (a stable sort keeps the ranking within each side); only the hits kept are read whole.
            return [.. top.ScoreDocs
                .OrderBy(s => searcher.Doc(s.Doc, DocumentIdOnly).Get(IndexFields.DocumentId, CultureInfo.InvariantCulture) == documentId ? 1 : 0)
                .Take(count)
                .Select(s => (Doc: searcher.Doc(s.Doc), s.Score))
                .Select(h => PassageDocuments.ToHit(h.Doc, h.Score, PassageHighlighter.Highlight(forms, h.Doc.Get(IndexFields.Text, CultureInfo.InvariantCulture))))];
        });
    }
}
