using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// <c>CommonTermsQuery</c>-style handling of very common syllables (issue 11). The free text's flat disjunction
/// (<see cref="QueryBuilder.Build"/>) scores every passage holding any of its terms: a long question OR'ed over
/// "của", "là", "và", "các", "được" matches most of the index. Split by document frequency, the terms held by more
/// than <c>share</c> of the passages no longer match on their own: the disjunction becomes
/// <c>(rare clauses, at least one) required + (common clauses) optional</c>, coordination off, so a passage holding a
/// rare term scores exactly what it scored before (the same sum of the same clauses) and the common clauses are only
/// advanced to the passages the rare ones found (<c>ReqOptSumScorer</c>, skip lists). Passages holding common terms
/// only are no longer matches.
/// <list type="bullet">
/// <item>A clause is classed by its term's frequency in the passage text: exact forms by <see cref="IndexFields.Text"/>,
/// folded syllables by <see cref="IndexFields.TextFolded"/>, pairs by <see cref="IndexFields.TextBigrams"/>; the title
/// clause of a term follows its text clause. Pairs of common syllables are usually rare and stay in the rare group.
/// Anything else (typo expansions, acronym phrases, fields not listed) is rare.</item>
/// <item>When no syllable is rare — every word of the query is common, whatever its pairs — the query is left as it
/// is: requiring a pair would change which passages a short question of common words finds (and, with issue 13's
/// every-word rule, which passages hold all its words).</item>
/// </list>
/// Stateless; the split is worked out per query against the searcher's reader.
/// </summary>
public static class CommonTermsSplit
{
    /// <summary>
    /// <paramref name="query"/> with each free-text disjunction split as above; the same instance when
    /// <paramref name="share"/> is 0 or no disjunction has both rare and common terms.
    /// </summary>
    public static Query Apply(Query query, IndexReader reader, double share)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        if (share <= 0 || share >= 1 || query is not BooleanQuery root)
        {
            return query;
        }

        var threshold = share * Math.Max(1, reader.MaxDoc);
        var frequencies = new Dictionary<Term, int>();
        BooleanQuery? split = null;
        var clauses = root.Clauses;
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            if (clause.Occur == Occur.MUST && clause.Query is BooleanQuery disjunction && Split(disjunction, reader, threshold, frequencies) is { } replaced)
            {
                split ??= Copy(root, i);
                split.Add(replaced, clause.Occur);
            }
            else
            {
                split?.Add(clause.Query, clause.Occur);
            }
        }

        return split ?? query;
    }

    /// <summary>Whether <paramref name="query"/> came out of <see cref="Apply"/> changed (tests, measurement).</summary>
    public static bool IsSplit(Query query) => query is BooleanQuery root && root.Clauses.Any(c => c.Query is BooleanQuery { Boost: 1f } b && b.Clauses.Count == 2 && b.Clauses[0].Query is RareGroup);

    /// <summary>The required group of rare clauses (a type of its own so a split query is recognised).</summary>
    private sealed class RareGroup() : BooleanQuery(disableCoord: true);

    private static BooleanQuery Copy(BooleanQuery root, int upTo)
    {
        var copy = new BooleanQuery(root.CoordDisabled) { Boost = root.Boost, MinimumNumberShouldMatch = root.MinimumNumberShouldMatch };
        for (var i = 0; i < upTo; i++)
        {
            copy.Add(root.Clauses[i].Query, root.Clauses[i].Occur);
        }

        return copy;
    }

    /// <summary>The split of a flat disjunction of term clauses; null when it is not one, is all rare, or no syllable is rare.</summary>
    private static BooleanQuery? Split(BooleanQuery disjunction, IndexReader reader, double threshold, Dictionary<Term, int> frequencies)
    {
        if (!disjunction.CoordDisabled || disjunction.MinimumNumberShouldMatch > 0 || disjunction.Boost != 1f || disjunction.Clauses.Count < 2
            || disjunction.Clauses.Any(c => c.Occur != Occur.SHOULD) || !disjunction.Clauses.Any(c => c.Query is TermQuery))
        {
            return null;
        }

        var rare = new RareGroup();
        var common = new List<Query>();
        var rareWord = false;
        foreach (var clause in disjunction.Clauses)
        {
            var counted = clause.Query is TermQuery term ? TextCounterpart(term.Term) : null;
            if (counted is not null && Frequency(counted) > threshold)
            {
                common.Add(clause.Query);
            }
            else
            {
                rare.Add(clause.Query, Occur.SHOULD);
                rareWord |= counted?.Field != IndexFields.TextBigrams;
            }
        }

        // Pairs alone do not make the rare group: a question of common syllables keeps matching as it did.
        if (!rareWord || common.Count == 0)
        {
            return null;
        }

        var split = new BooleanQuery(disableCoord: true) { { rare, Occur.MUST } };
        var optional = new BooleanQuery(disableCoord: true);
        foreach (var query in common)
        {
            optional.Add(query, Occur.SHOULD);
        }

        split.Add(optional, Occur.SHOULD);
        return split;

        int Frequency(Term term)
        {
            if (!frequencies.TryGetValue(term, out var df))
            {
                df = reader.DocFreq(term);
                frequencies[term] = df;
            }

            return df;
        }
    }

    /// <summary>The passage-text term whose frequency classes <paramref name="term"/>; null for fields not classed.</summary>
    private static Term? TextCounterpart(Term term) => term.Field switch
    {
        IndexFields.Text or IndexFields.TextFolded or IndexFields.TextBigrams => term,
        IndexFields.Title => new Term(IndexFields.Text, term.Text),
        IndexFields.TitleFolded => new Term(IndexFields.TextFolded, term.Text),
        IndexFields.TitleBigrams => new Term(IndexFields.TextBigrams, term.Text),
        _ => null,
    };
}
