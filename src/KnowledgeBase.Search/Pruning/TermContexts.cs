using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// The looked-up terms (<see cref="TermContext"/>: each segment's postings pointer and frequencies) of recent searches
/// over one reader, kept beside it: a question's ~60–380 term clauses are each sought in every segment, and long
/// questions share most of their syllables, so the same common terms were sought again query after query (a third of
/// the pruned search's time). A context is read-only once built and belongs to its reader (a reopened reader starts
/// an empty table). At most <see cref="Capacity"/> terms per reader; a full table is emptied. Thread-safe.
/// </summary>
internal static class TermContexts
{
    /// <summary>Terms kept per reader (a context costs about 80 bytes per segment).</summary>
    public const int Capacity = 8192;

    private static readonly ConditionalWeakTable<IndexReaderContext, ConcurrentDictionary<Term, TermContext>> Tables = new();

    /// <summary>The context of <paramref name="term"/> in <paramref name="top"/>, built at most once while kept.</summary>
    public static TermContext For(IndexReaderContext top, Term term)
    {
        var table = Tables.GetValue(top, _ => new ConcurrentDictionary<Term, TermContext>());
        if (table.TryGetValue(term, out var known))
        {
            return known;
        }

        var built = TermContext.Build(top, term);
        if (table.Count >= Capacity)
        {
            table.Clear();
        }

        // A term's bytes may be reused by its owner: keep a copy as the key.
        table.TryAdd(new Term(term.Field, Lucene.Net.Util.BytesRef.DeepCopyOf(term.Bytes)), built);
        return built;
    }
}
