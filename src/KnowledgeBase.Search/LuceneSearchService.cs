using System.Diagnostics;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Search.Acronyms;
using KnowledgeBase.Search.Collecting;
using KnowledgeBase.Search.Highlighting;
using KnowledgeBase.Search.Indexing;
using KnowledgeBase.Search.Pruning;
using KnowledgeBase.Search.Querying;
using KnowledgeBase.Search.Suggesting;
using KnowledgeBase.Vietnamese.Queries;
using Lucene.Net.Search;

namespace KnowledgeBase.Search;

/// <summary>
/// Searches the passage index: parse → build → search (BM25 with accent and proximity boosts) → highlight.
/// Thread-safe; each call acquires and releases a near-real-time searcher.
/// </summary>
public sealed class LuceneSearchService : ISearchService
{
    /// <summary>Ranked passages read to order the documents of grouped results (beyond it, raw best scores).</summary>
    private const int GroupingDepth = 100;
    private const int MaxFacetValues = 30;
    private static readonly string[] FacetFields = [IndexFields.Kind, IndexFields.Year, IndexFields.Collection, IndexFields.Tags, IndexFields.Origin, IndexFields.Language];

    private readonly LuceneIndex _index;
    private readonly QueryBuilder _builder;
    private static readonly HashSet<string> TextAndTitle = [IndexFields.Text, IndexFields.Title];
    private readonly Lucene.Net.Search.Similarities.Similarity? _similarity;

    public LuceneSearchService(LuceneIndex index)
        : this(index, RankingWeights.Default)
    {
    }

    /// <summary>A service ranking with other weights than the production ones (measurement).</summary>
    public LuceneSearchService(LuceneIndex index, RankingWeights weights)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(weights);
        _index = index;
        _builder = new QueryBuilder(weights);
        var defaults = RankingWeights.Default;
        _similarity = weights.K1.Equals(defaults.K1) && weights.B.Equals(defaults.B) && weights.TitleB.Equals(defaults.TitleB) && weights.BigramB.Equals(defaults.BigramB) && weights.ExactB.Equals(defaults.ExactB) && weights.IdfPower.Equals(defaults.IdfPower) ? null : Ranking.SimilarityFor(weights);
    }

    /// <summary>
    /// Rank searches by score through <see cref="MaxScoreSearch"/>: the same top passages, the totals of passages and
    /// documents estimated (<see cref="SearchResults.TotalHitsEstimated"/>) when the best passages are not every match.
    /// Plain searches, and grouped or faceted ones (the search page), whose best <see cref="FacetDepth"/> passages give
    /// the same groups and facets as scoring every match; a page's documents' matching passages are then counted within
    /// them. On by default (<see cref="SearchOptions.DefaultPruning"/>; docs/performance.md, "Issue 11: window-at-a-time
    /// MaxScore" and "Issue 11: the search page pruned").
    /// </summary>
    public bool Pruning { get; init; } = SearchOptions.DefaultPruning;

    /// <summary>
    /// Facets and groups of a search matching more passages than this are counted over its best-ranked this many,
    /// marked estimated (<see cref="SearchResults.FacetsEstimated"/>), instead of over every match; 0 counts every
    /// match. Totals stay exact unless the best passages came from the pruned search (<see cref="Pruning"/>).
    /// (docs/performance.md, Stop 17.)
    /// </summary>
    public int FacetDepth { get; init; } = SearchOptions.DefaultFacetDepth;

    /// <summary>
    /// Syllables and pairs held by more than this share of the passages only add score to passages a rarer term of the
    /// query found (<see cref="CommonTermsSplit"/>); 0 (the default) ranks every term alike. (docs/performance.md, issue 11:
    /// common terms.)
    /// </summary>
    public double CommonTermShare { get; init; } = SearchOptions.DefaultCommonTermShare;

    /// <summary>The order in which the pruned search's clauses become non-essential (measurement: the same results either way).</summary>
    internal WindowMaxScore.ClauseOrder PruningOrder { get; init; } = WindowMaxScore.ClauseOrder.Density;

    /// <summary>
    /// A heavy pruned search (<see cref="Pruning"/>; its clauses holding at least <see cref="ParallelPostings"/>
    /// postings) is split into slices of the passages run on the cores no other search in flight is using (the same
    /// results; <see cref="MaxScoreSearch"/>); under concurrent searches each runs on one thread as before. On by
    /// default (<see cref="SearchOptions.DefaultParallelSearch"/>; docs/performance.md, "intra-query parallelism").
    /// </summary>
    public bool ParallelSearch { get; init; } = SearchOptions.DefaultParallelSearch;

    /// <summary>The postings below which a search stays on one thread (<see cref="MaxScoreSearch.DefaultParallelPostings"/>; tests lower it).</summary>
    internal long ParallelPostings { get; init; } = MaxScoreSearch.DefaultParallelPostings;

    /// <summary>The searches in flight that the split yields to (the process's; tests give their own).</summary>
    internal SearchLoad Load { get; init; } = SearchLoad.Process;

    /// <summary>The cores the split may use (the machine's; tests set them).</summary>
    internal int Processors { get; init; } = Environment.ProcessorCount;

    private long _parallelSearches;

    /// <summary>Pruned searches split into slices so far (tests).</summary>
    internal long ParallelSearches => Interlocked.Read(ref _parallelSearches);

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var inFlight = Load.Enter();
        var started = Stopwatch.GetTimestamp();
        var page = Math.Clamp(request.Page, 1, SearchRequest.MaxPage);
        var size = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var parsed = UserQueryParser.Parse(request.Query);
        var filter = SearchFilterBuilder.Build(request, parsed);
        // What the caller may see, alone: which words they know (typos, "did you mean") depends on nothing else.
        var audience = SearchFilterBuilder.Build(request.Audience);
        var sort = request.Sort switch
        {
            SearchSort.DateDescending => new Sort(new SortField(IndexFields.DateSort, SortFieldType.INT32, reverse: true), SortField.FIELD_SCORE),
            SearchSort.DateAscending => new Sort(UndatedLast(), SortField.FIELD_SCORE),
            _ => null,
        };

        return _index.WithSearcher(shared =>
        {
            // Acronyms learned from the passages of this snapshot; built once per snapshot.
            var acronyms = LearnedAcronyms.TableFor(shared.IndexReader);
            var query = _builder.Build(parsed, shared.IndexReader, acronyms, audience);
            // The query that matches: common terms only scoring what the rare ones find, when asked (the highlighter
            // keeps reading every term from the query as built).
            var ranked = CommonTermShare > 0 ? CommonTermsSplit.Apply(query, shared.IndexReader, CommonTermShare) : query;
            var searcher = _similarity is null ? shared : new FilteringSearcher(shared.IndexReader) { Similarity = _similarity };
            var rerank = sort is null && _builder.Weights.SentenceCoverage > 0;
            var rollUp = (request.GroupByDocument || request.IncludeFacets) && FacetDepth > 0;
            // The passages a page needs (its hits, the rerank's, the groups') and those read (the facets' too).
            (int Wanted, int Depth) Passages(int pageNumber)
            {
                var needed = request.GroupByDocument ? Math.Max(pageNumber * size * request.PassagesPerDocument, GroupingDepth) : pageNumber * size;
                needed = rerank ? Math.Max(needed, _builder.Weights.RerankDepth) : needed;
                return (needed, rollUp ? Math.Max(needed, FacetDepth) : needed);
            }

            var (wanted, depth) = Passages(page);
            // The passages read for the first page: when the totals are estimates and the pages stay within the best
            // passages, the pages end with these passages' documents, whatever the page asked (a deeper page reads more
            // passages, but its pager must end where the first page's did).
            var firstDepth = Passages(1).Depth;
            // A short query typed with accents requires every syllable; when that finds nothing, any syllable will do.
            var strict = _builder.RequireAllWords(ranked, parsed, shared.IndexReader, acronyms, audience);
            var collected = strict ?? ranked;
            var collector = NewCollector(request, Pruning, rollUp);
            var (top, estimated) = Collect(searcher, collected, filter, sort, depth, ref collector, Pruning);
            var anyWord = false;
            if (strict is not null && top.TotalHits == 0)
            {
                anyWord = true;
                collected = ranked;
                collector = NewCollector(request, Pruning, rollUp);
                (top, estimated) = Collect(searcher, ranked, filter, sort, depth, ref collector, Pruning);
            }

            if (top.TotalHits == 0 && !ReferenceEquals(ranked, query))
            {
                // No passage holds a rare term (within the filter): the common terms match on their own, as without the split.
                ranked = query;
                collected = query;
                collector = NewCollector(request, Pruning, rollUp);
                (top, estimated) = Collect(searcher, query, filter, sort, depth, ref collector, Pruning);
            }

            if (sort is null && !request.GroupByDocument && PseudoRelevanceFeedback.Expand(searcher, anyWord ? ranked : strict ?? ranked, top.ScoreDocs, parsed.FreeText, _builder.Weights.Feedback) is { } expanded)
            {
                collected = expanded;
                collector = NewCollector(request, Pruning, rollUp);
                (top, estimated) = Collect(searcher, expanded, filter, sort, depth, ref collector, Pruning);
            }

            // With rollUp: the counter that saw every match (exact totals, each document's matching passages), or null
            // when the pruned search ranked the best passages without seeing every match.
            var counted = collector;
            var facetsEstimated = false;
            var documentsEstimated = false;
            var totalDocuments = 0;
            int? rankedDocuments = null;
            if (rollUp)
            {
                // Facets and groups from the best passages (before the rerank: the raw scores every match had).
                // A pruned search (no counter saw every match) asked to page within its best passages keeps them even
                // when the page lies beyond their documents (the page is then short or empty).
                (collector, facetsEstimated) = RollUpTop(searcher, top, estimated, request, request.PagesWithinBestPassages && counted is null ? 0 : page * size);
                if (collector is null)
                {
                    // The page of documents lies beyond what the best passages hold: every match, as without the depth.
                    collector = NewCollector(request, pruning: false, rollUp: false);
                    (top, estimated) = Collect(searcher, collected, filter, sort, wanted, ref collector, pruning: false);
                    counted = collector;
                }

                // Documents: counted when a counter saw every match (or the best passages are every match), else
                // estimated from the estimated number of matches (a pruned search).
                totalDocuments = !facetsEstimated ? collector!.TotalDocuments
                    : counted is not null ? counted.TotalDocuments
                    : EstimateDocuments(searcher, filter, top.TotalHits, collector!.TotalDocuments);
                documentsEstimated = facetsEstimated && counted is null;
                rankedDocuments = documentsEstimated && request.GroupByDocument && request.PagesWithinBestPassages
                    ? top.ScoreDocs.Length > firstDepth ? DocumentsOf(searcher, top.ScoreDocs[..firstDepth]) : collector!.TotalDocuments
                    : null;
                top = new TopDocs(top.TotalHits, top.ScoreDocs.Length > wanted ? top.ScoreDocs[..wanted] : top.ScoreDocs, top.MaxScore);
            }

            if (rerank)
            {
                Rerank(searcher, top.ScoreDocs, _builder.CoverageWeights(parsed, searcher.IndexReader));
            }

            // The highlighter reads terms: typo corrections are only known once the query is rewritten. Worked out
            // once for every passage shown.
            var highlighted = request.Highlight && top.ScoreDocs.Length > 0 ? PassageHighlighter.SearchedForms(searcher.Rewrite(query)) : HighlightForms.None;
            var correction = request.SuggestCorrection ? QueryCorrector.Correct(searcher, request.Query, filter, audience) : null;
            // Grouping always has a document collector (NewCollector).
            if (request.GroupByDocument && collector is not null)
            {
                // Each shown document's matching passages: from the counter that saw every match, else (a pruned
                // search whose best passages are not every match) counted exactly within the page's documents.
                // Pages within the best passages' documents (the order's first rankedDocuments): none past them.
                var onPage = rankedDocuments is { } pagedDocuments ? Math.Clamp(pagedDocuments - ((page - 1) * size), 0, size) : size;
                IReadOnlyList<DocumentGroup> groups = onPage == 0 ? [] : DocumentGrouping.PageOfGroups(
                    searcher,
                    top.ScoreDocs,
                    collector,
                    request.Sort,
                    page,
                    size,
                    Math.Max(1, request.PassagesPerDocument),
                    (doc, score) => ToHit(doc, score, highlighted, request.Highlight),
                    facetsEstimated ? counted : null,
                    facetsEstimated && counted is null ? ids => CountWithin(searcher, collected, filter, ids) : null);
                groups = groups.Count > onPage ? [.. groups.Take(onPage)] : groups;

                return new SearchResults
                {
                    Query = request.Query,
                    TotalHits = top.TotalHits,
                    TotalHitsEstimated = rollUp && (estimated || documentsEstimated),
                    TotalDocuments = rollUp ? totalDocuments : collector.TotalDocuments,
                    RankedDocuments = rankedDocuments,
                    AnyWordFallback = anyWord,
                    Page = page,
                    PageSize = size,
                    Grouped = true,
                    Groups = groups,
                    Hits = [.. groups.SelectMany(g => g.Hits)],
                    Facets = request.IncludeFacets ? collector.Facets(MaxFacetValues) : [],
                    FacetsEstimated = facetsEstimated && request.IncludeFacets,
                    DidYouMean = correction,
                    Elapsed = Stopwatch.GetElapsedTime(started),
                };
            }

            var hits = new List<SearchHit>(size);
            for (var i = (page - 1) * size; i < Math.Min(top.ScoreDocs.Length, page * size); i++)
            {
                var scoreDoc = top.ScoreDocs[i];
                hits.Add(ToHit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, highlighted, request.Highlight));
            }

            // A pruned search saw only some matches: its documents are estimated from its passages (issue 13 wants them on every search).
            if (!rollUp)
            {
                totalDocuments = collector?.TotalDocuments ?? EstimateDocuments(searcher, filter, top, estimated, out documentsEstimated);
            }
            return new SearchResults
            {
                Query = request.Query,
                TotalHits = top.TotalHits,
                TotalHitsEstimated = estimated || documentsEstimated,
                TotalDocuments = totalDocuments,
                AnyWordFallback = anyWord,
                Page = page,
                PageSize = size,
                Hits = hits,
                Facets = request.IncludeFacets && collector is not null ? collector.Facets(MaxFacetValues) : [],
                FacetsEstimated = facetsEstimated && request.IncludeFacets,
                DidYouMean = correction,
                Elapsed = Stopwatch.GetElapsedTime(started),
            };
        });
    }

    /// <summary>Oldest first; a passage of an undated document has no sort value and comes last (issue 13).</summary>
    private static SortField UndatedLast()
    {
        var field = new SortField(IndexFields.DateSort, SortFieldType.INT32);
        field.SetMissingValue(int.MaxValue);
        return field;
    }

    /// <summary>
    /// Sees every match once: facets and groups when asked for, and otherwise the number of distinct documents (read
    /// from the per-segment document ordinals, cached with the segment, so a plain search pays one array lookup per
    /// match). With <paramref name="rollUp"/>, only that count (and each document's number of matching passages): the
    /// facets and groups are then worked out from the best passages (<see cref="RollUpTop"/>). None with pruning on a
    /// search ranked by score (plain, or rolled up from its best passages): the pruned scorer does not see every match,
    /// and the totals are estimates (a query the pruning declines gets the counter in <see cref="Collect"/>).
    /// </summary>
    private static DocumentCollector? NewCollector(SearchRequest request, bool pruning, bool rollUp) =>
        (request.IncludeFacets || request.GroupByDocument) && !rollUp
            ? new DocumentCollector(FacetFields, scores: request.GroupByDocument, Math.Max(1, request.PassagesPerDocument))
            : pruning && request.Sort == SearchSort.Relevance ? null : new DocumentCollector([], scores: false);

    /// <summary>
    /// How many passages of each of <paramref name="documentIds"/> match <paramref name="query"/> within the filter:
    /// the query ANDed with the documents' ids, so only those documents' passages are visited (a page of groups after a
    /// pruned search, which did not count every match).
    /// </summary>
    private static DocumentCollector CountWithin(IndexSearcher searcher, Query query, Filter? filter, IReadOnlyCollection<string> documentIds)
    {
        // The pruned search's own shape (a flat disjunction): each of the page's passages settled by the first clause
        // that holds it (DocumentMatches), the same passages as the conjunction below at a fraction of its reads.
        if (searcher.Rewrite(query) is BooleanQuery disjunction && ClauseBound.IsPlainDisjunction(disjunction))
        {
            return DocumentMatches.Count(searcher, disjunction, filter, documentIds);
        }

        return CountByConjunction(searcher, query, filter, documentIds);
    }

    /// <summary>
    /// <see cref="CountWithin"/> for any query: the query ANDed with the documents' ids, searched through the filter (every
    /// clause advanced to every candidate passage). Internal: the tests hold <see cref="DocumentMatches"/> to it.
    /// </summary>
    internal static DocumentCollector CountByConjunction(IndexSearcher searcher, Query query, Filter? filter, IReadOnlyCollection<string> documentIds)
    {
        var counter = new DocumentCollector([], scores: false);
        if (documentIds.Count == 0)
        {
            return counter;
        }

        var documents = new BooleanQuery(disableCoord: true);
        foreach (var id in documentIds)
        {
            documents.Add(new TermQuery(new Lucene.Net.Index.Term(IndexFields.DocumentId, id)), Occur.SHOULD);
        }

        var within = new BooleanQuery(disableCoord: true)
        {
            { WithKnownTerms(searcher, query), Occur.MUST },
            { documents, Occur.MUST },
        };
        searcher.Search(within, filter, counter);
        return counter;
    }

    /// <summary>
    /// The query as the pruned search rewrote it, its term clauses given the contexts that search looked up
    /// (<see cref="TermContexts"/>), so counting within a page of documents does not seek every term in every segment
    /// again (most of that count's time before). Matches the same passages; other shapes are returned as they are.
    /// </summary>
    private static Query WithKnownTerms(IndexSearcher searcher, Query query)
    {
        if (searcher.Rewrite(query) is not BooleanQuery disjunction || !ClauseBound.IsPlainDisjunction(disjunction))
        {
            return query;
        }

        var known = new BooleanQuery(disableCoord: true) { Boost = disjunction.Boost };
        foreach (var clause in disjunction.Clauses)
        {
            known.Add(clause.Query is TermQuery term ? new TermQuery(term.Term, TermContexts.For(searcher.TopReaderContext, term.Term)) { Boost = term.Boost } : clause.Query, Occur.SHOULD);
        }

        return known;
    }

    /// <summary>
    /// Facets and groups from the best passages of a search: exact when they are all its matches, else estimated
    /// ("about"), the best passages standing for the rest. Only visible passages are there to count (the search ran
    /// through the visibility filter). Null when the page of <paramref name="documentsShown"/> documents (0: any) asks for more
    /// documents than the best passages hold.
    /// </summary>
    private static (DocumentCollector? Documents, bool Estimated) RollUpTop(IndexSearcher searcher, TopDocs top, bool totalEstimated, SearchRequest request, int documentsShown)
    {
        var documents = NewCollector(request, pruning: false, rollUp: false)!;
        CollectorReplay.Replay(searcher.IndexReader, top.ScoreDocs, documents);
        if (!totalEstimated && top.TotalHits <= top.ScoreDocs.Length)
        {
            return (documents, false);
        }

        return request.GroupByDocument && documents.TotalDocuments < documentsShown ? (null, false) : (documents, true);
    }

    /// <summary>
    /// The ranked passages, and whether their total is an estimate; with a document collector beside them, which sees
    /// every match once. Ranked by score alone, the top passages come from the pruned scorer where the query allows.
    /// </summary>
    private (TopDocs Top, bool Estimated) Collect(IndexSearcher searcher, Query query, Filter? filter, Sort? sort, int wanted, ref DocumentCollector? documents, bool pruning)
    {
        if (documents is null)
        {
            // The threads this search may use: the cores other searches in flight leave idle, when allowed.
            var slices = ParallelSearch ? Load.Threads(Processors, MaxScoreSearch.MaxSlices) : 1;
            if (pruning && sort is null && MaxScoreSearch.TrySearch(searcher, query, filter, wanted, PruningOrder, slices, ParallelPostings) is { } pruned)
            {
                if (pruned.Slices > 1)
                {
                    Interlocked.Increment(ref _parallelSearches);
                }

                return (pruned.TopDocs, pruned.TotalIsEstimate);
            }

            // Declined (a phrase, an exclusion, a sort): every match is scored, so its documents are counted exactly.
            documents = new DocumentCollector([], scores: false);
        }

        ITopDocsCollector top = sort is null
            ? TopScoreDocCollector.Create(wanted, docsScoredInOrder: false)
            : TopFieldCollector.Create(sort, wanted, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        searcher.Search(query, filter, MultiCollector.Wrap((ICollector)top, documents));
        return (top.GetTopDocs(), false);
    }

    /// <summary>How many documents the passages belong to.</summary>
    private static int DocumentsOf(IndexSearcher searcher, IReadOnlyList<ScoreDoc> passages)
    {
        var seen = new DocumentCollector([], scores: false);
        CollectorReplay.Replay(searcher.IndexReader, passages, seen);
        return seen.TotalDocuments;
    }

    /// <summary>
    /// The documents of a pruned search: exact when its best passages are all its matches, else the documents
    /// <c>TotalHits</c> passages drawn evenly from the index would fall in — D · (1 − (1 − M/P)^(P/D)) for M matches
    /// of P passages in D documents — kept between the documents of the best passages and min(D, M).
    /// </summary>
    private static int EstimateDocuments(IndexSearcher searcher, Filter? filter, TopDocs top, bool hitsEstimated, out bool estimated)
    {
        var seen = DocumentsOf(searcher, top.ScoreDocs);
        estimated = hitsEstimated || top.TotalHits > top.ScoreDocs.Length;
        return estimated ? EstimateDocuments(searcher, filter, top.TotalHits, seen) : seen;
    }

    /// <summary>
    /// The same estimate, from the number of matches and the documents of the best passages (already rolled up). P and
    /// D are the passages and documents the search's audience may see (its visibility filter), so neither the estimate
    /// nor its upper bound says anything of documents the caller may not see.
    /// </summary>
    private static int EstimateDocuments(IndexSearcher searcher, Filter? filter, int totalHits, int seenDocuments)
    {
        var (visiblePassages, documents) = Visible(searcher, filter);
        double passages = Math.Max(1, visiblePassages);
        double matches = Math.Min(totalHits, passages);
        var perDocument = passages / Math.Max(1, documents);
        var expected = documents * (1 - Math.Pow(1 - (matches / passages), perDocument));
        var upper = Math.Min(documents, totalHits);
        return (int)Math.Clamp(Math.Round(expected), Math.Min(seenDocuments, upper), upper);
    }

    /// <summary>
    /// Worked out once a snapshot and filter, like the segments' document tables: part of the snapshot's structures, not
    /// an answer, so <c>kb bench search</c> does not bypass it (<see cref="SnapshotMemoScope"/>).
    /// </summary>
    private static readonly SnapshotMemo<(int Passages, int Documents)> VisibleCounts = new(256, bypassable: false);

    /// <summary>
    /// The live passages within <paramref name="filter"/> and their documents, each document counted once however many
    /// segments hold its passages (a document re-indexed leaves its old passages, deleted, in another segment; a flush
    /// can split a document's passages between two; counting each segment apart once gave 3,472 documents of 3,001).
    /// </summary>
    private static (int Passages, int Documents) Visible(IndexSearcher searcher, Filter? filter) =>
        FilterBits.MemoKey(filter) is { } key
            ? VisibleCounts.GetOrAdd(searcher.IndexReader, key, (searcher, filter), static a => CountVisible(a.searcher, a.filter))
            : CountVisible(searcher, filter);

    private static (int Passages, int Documents) CountVisible(IndexSearcher searcher, Filter? filter)
    {
        // Every passage the filter lets through, live: the collector of exact totals counts each document once by id.
        var passages = new TotalHitCountCollector();
        var documents = new DocumentCollector([], scores: false);
        searcher.Search(new MatchAllDocsQuery(), filter, MultiCollector.Wrap(passages, documents));
        return (passages.TotalHits, documents.TotalDocuments);
    }

    private static SearchHit ToHit(Lucene.Net.Documents.Document doc, float score, HighlightForms searchedForms, bool highlight)
    {
        var text = doc.Get(IndexFields.Text, System.Globalization.CultureInfo.InvariantCulture);
        return PassageDocuments.ToHit(doc, score, highlight ? PassageHighlighter.Highlight(searchedForms, text) : string.Empty);
    }

    /// <summary>
    /// Re-orders the first <see cref="RankingWeights.RerankDepth"/> hits by score plus sentence coverage, demoting
    /// passages that read like site navigation (<see cref="RankingWeights.Navigation"/>); the depth is fixed, so pages stay consistent with each other.
    /// </summary>
    private void Rerank(IndexSearcher searcher, ScoreDoc[] hits, (Dictionary<string, double> Words, Dictionary<string, double> Pairs) weights)
    {
        var depth = Math.Min(hits.Length, _builder.Weights.RerankDepth);
        if (depth < 2 || weights.Words.Count == 0)
        {
            return;
        }

        var bonus = _builder.Weights.SentenceCoverage * hits[0].Score;
        var variants = _builder.Weights.SpellingVariant > 0;
        for (var i = 0; i < depth; i++)
        {
            // The title counts as one more sentence: a heading often states what the passage answers.
            var doc = searcher.Doc(hits[i].Doc, TextAndTitle);
            var text = doc.Get(IndexFields.Text, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            var title = doc.Get(IndexFields.Title, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            var coverage = Math.Max(SentenceCoverage.Best(text, weights.Words, weights.Pairs, variants), SentenceCoverage.Best(title, weights.Words, weights.Pairs, variants));
            var kept = 1 - (_builder.Weights.Navigation * TextUnits.NavigationShare(text));
            hits[i].Score = (float)((hits[i].Score + (bonus * coverage)) * kept);
        }

        Array.Sort(hits, 0, depth, Comparer<ScoreDoc>.Create((a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : a.Doc.CompareTo(b.Doc)));
    }
}
