using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// Whether a word is known to a caller: held by a live passage their audience's filter lets through, not merely by
/// the index. What a search does with a word it does not know (its nearest spellings, "did you mean") must not
/// depend on documents the caller may not see: otherwise a word held only by a private document gets no typo
/// expansion and no correction, and an anonymous caller learns that it exists from an empty page where a word
/// found nowhere gets its neighbours' results (docs/hardening.md, "Audit 2026-12-08"). Stateless, thread-safe.
/// </summary>
public static class VisibleTerms
{
    /// <summary>
    /// True when a live passage <paramref name="filter"/> lets through holds <paramref name="term"/>; with no filter,
    /// when any live passage does (the index's own statistics, as before). Stops at the first such passage.
    /// </summary>
    public static bool Holds(IndexReader reader, Term term, Filter? filter)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(term);
        if (reader.DocFreq(term) == 0)
        {
            return false;
        }

        if (filter is null)
        {
            return true;
        }

        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var docs = segment.GetTermDocsEnum(term); // live passages only
            if (docs is null || filter.GetDocIdSet(leaf, segment.LiveDocs) is not { } allowed)
            {
                continue;
            }

            if (allowed.Bits is { } bits)
            {
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (bits.Get(doc))
                    {
                        return true;
                    }
                }

                continue;
            }

            // No random access: step the two in turn.
            if (allowed.GetIterator() is not { } iterator)
            {
                continue;
            }

            var a = docs.NextDoc();
            var b = iterator.NextDoc();
            while (a != DocIdSetIterator.NO_MORE_DOCS && b != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (a == b)
                {
                    return true;
                }

                if (a < b)
                {
                    a = docs.Advance(b);
                }
                else
                {
                    b = iterator.Advance(a);
                }
            }
        }

        return false;
    }
}
