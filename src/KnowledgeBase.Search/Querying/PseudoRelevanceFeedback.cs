using KnowledgeBase.Search.Similar;
using KnowledgeBase.Vietnamese.Queries;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// Pseudo-relevance feedback in the manner of RM3: the best passages of a first search are taken as relevant, their
/// significant folded syllables and pairs (<see cref="SignificantTerms"/>) weighed by each passage's share of the
/// top scores, and the strongest terms the query lacks are added as optional clauses with a small weight
/// (<see cref="RankingWeights.Feedback"/>). The first query stays required, so the passages found do not change,
/// only their order. Stateless.
/// </summary>
public static class PseudoRelevanceFeedback
{
    private const int Passages = 5;
    private const int Words = 10;
    private const int Pairs = 5;

    /// <summary>
    /// <paramref name="query"/> required, with the expansion from <paramref name="top"/> optional; null when there is
    /// nothing to add (too few passages, no significant term).
    /// </summary>
    public static Query? Expand(IndexSearcher searcher, Query query, ScoreDoc[] top, string freeText, float weight)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        ArgumentNullException.ThrowIfNull(top);
        if (weight <= 0 || top.Length < 2)
        {
            return null;
        }

        var asked = new HashSet<string>(QueryTerms.Analyze(freeText).Select(t => t.FoldedMatch), StringComparer.Ordinal);
        var feedback = new Dictionary<Term, double>();
        var used = top.Take(Passages).ToList();
        var total = used.Sum(d => (double)d.Score);
        foreach (var hit in used)
        {
            var text = searcher.Doc(hit.Doc).Get(IndexFields.Text, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            var terms = SignificantTerms.Of(text, searcher.IndexReader, Words * 2, Pairs * 2);
            var strongest = terms.Count == 0 ? 1 : terms.Max(t => t.Weight);
            foreach (var (term, w) in terms)
            {
                if (!(term.Field == IndexFields.TextFolded && asked.Contains(term.Text)))
                {
                    feedback[term] = feedback.GetValueOrDefault(term) + (hit.Score / total * w / strongest);
                }
            }
        }

        var chosen = feedback.Where(f => f.Key.Field == IndexFields.TextFolded).OrderByDescending(f => f.Value).Take(Words)
            .Concat(feedback.Where(f => f.Key.Field == IndexFields.TextBigrams).OrderByDescending(f => f.Value).Take(Pairs))
            .ToList();
        if (chosen.Count == 0)
        {
            return null;
        }

        var best = chosen.Max(c => c.Value);
        var expansion = new BooleanQuery(disableCoord: true);
        foreach (var (term, value) in chosen)
        {
            expansion.Add(new TermQuery(term) { Boost = (float)(weight * value / best) }, Occur.SHOULD);
        }

        return new BooleanQuery(disableCoord: true) { { query, Occur.MUST }, { expansion, Occur.SHOULD } };
    }
}
