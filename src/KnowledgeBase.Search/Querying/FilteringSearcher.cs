using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// An <see cref="IndexSearcher"/> whose filtered searches keep bulk scoring. Lucene.Net 4.8's
/// <see cref="FilteredQuery"/> scores a filtered query one document at a time even when the filter can be read at
/// random (its default strategy only ever asks the query for a <see cref="Scorer"/>): a long question's disjunction
/// then goes through a heap of all its clauses instead of <c>BooleanScorer</c>'s windows, several times slower — and
/// every search of a visitor who does not see everything is filtered. Here a filter that is a bit set
/// (<see cref="FilterBits"/>, what <see cref="SearchFilterBuilder"/> builds) is handed to the query as the passages it
/// may accept, as deletions are, so the query scores exactly as unfiltered, on fewer passages. A sparse filter (a
/// single document, a rare tag) still leads the query, which then only looks at the filter's passages.
/// </summary>
public sealed class FilteringSearcher : IndexSearcher
{
    public FilteringSearcher(IndexReader reader)
        : base(reader)
    {
    }

    /// <summary>The filtered form of a query, as every <c>Search(query, filter, …)</c> of this searcher runs it.</summary>
    protected override Query WrapFilter(Query query, Filter? filter) =>
        filter is null ? query : new FilteredQuery(query, filter, BitsFirst.Instance);

    /// <summary>Dense bit sets accepted at random with the query's own (bulk) scorer; sparse or other filters lead.</summary>
    internal sealed class BitsFirst : FilteredQuery.FilterStrategy
    {
        /// <summary>Below this share of a segment's passages the filter leads the query (leap-frog).</summary>
        public const double SparseShare = 1.0 / 64;

        public static BitsFirst Instance { get; } = new();

        public override Scorer? FilteredScorer(AtomicReaderContext context, Weight weight, DocIdSet docIdSet) =>
            Dense(context, docIdSet) is { } bits
                ? weight.GetScorer(context, bits)
                : FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY.FilteredScorer(context, weight, docIdSet);

        public override BulkScorer? FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet) =>
            Dense(context, docIdSet) is { } bits
                ? weight.GetBulkScorer(context, scoreDocsInOrder, bits)
                : FilteredQuery.LEAP_FROG_FILTER_FIRST_STRATEGY.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet);

        private static IBits? Dense(AtomicReaderContext context, DocIdSet docIdSet) =>
            docIdSet.Bits is { } bits && FilterBits.Density(docIdSet, context.AtomicReader.MaxDoc) >= SparseShare ? bits : null;
    }
}
