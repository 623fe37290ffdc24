using KnowledgeBase.Search.Analysis;
using KnowledgeBase.Vietnamese.Queries;
using KnowledgeBase.Vietnamese.Tokens;
using KnowledgeBase.Vietnamese.Words;
using Lucene.Net.Index;

namespace KnowledgeBase.Search.Similar;

/// <summary>
/// The terms that say what a passage is about: its folded syllables and neighbouring pairs weighed by tf-idf
/// (frequent in it, rare in the corpus), without question fillers, function syllables (<see cref="StopSyllables"/>),
/// numbers, terms of no other passage or of more than a fifth of them. Stateless.
/// </summary>
public static class SignificantTerms
{
    public static List<(Term Term, float Weight)> Of(string text, IndexReader reader, int maxWords, int maxPairs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reader);
        var terms = QueryTerms.Analyze(text);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairs = new Dictionary<string, int>(StringComparer.Ordinal);
        QueryTerm? previous = null;
        foreach (var term in terms)
        {
            if (term.Kind == TokenKind.CodePart)
            {
                continue;
            }

            var content = term.Kind == TokenKind.Word && !term.IsFiller && term.Folded.Length >= 2 && !StopSyllables.Contains(term.Exact) && !term.Folded.All(char.IsDigit);
            if (content)
            {
                words[term.Folded] = words.GetValueOrDefault(term.Folded) + 1;
                if (previous is not null && !term.BreakBefore)
                {
                    var pair = SyllableShingleFilter.Shingle([previous.Exact, term.Exact]);
                    pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
                }
            }

            previous = content ? term : null;
        }

        var documents = Math.Max(1, reader.NumDocs);
        var maxDocFreq = Math.Max(2, documents / 5);
        return [.. Weigh(words, IndexFields.TextFolded).OrderByDescending(t => t.Weight).ThenBy(t => t.Term.Text, StringComparer.Ordinal).Take(maxWords)
            .Concat(Weigh(pairs, IndexFields.TextBigrams).OrderByDescending(t => t.Weight).ThenBy(t => t.Term.Text, StringComparer.Ordinal).Take(maxPairs))];

        IEnumerable<(Term Term, float Weight)> Weigh(Dictionary<string, int> counts, string field)
        {
            foreach (var (text, tf) in counts)
            {
                var term = new Term(field, text);
                var df = reader.DocFreq(term);
                if (df >= 2 && df <= maxDocFreq)
                {
                    yield return (term, (float)(tf * Math.Log(1 + (documents / (double)df))));
                }
            }
        }
    }
}
