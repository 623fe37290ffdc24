using KnowledgeBase.Core.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Collecting;

/// <summary>
/// Sees every matching passage once and rolls it up by document: the number of distinct documents, each
/// document's best passage and number of matching passages (for grouping), and the facet counts over the
/// whole result set — counted per document, since all passages of a document share its facet values — and,
/// when scoring, each document's best few passages (so a page of groups needs no search per document). Reads
/// only doc values (no stored fields), so it stays cheap at a million passages. Not thread-safe: one per search.
/// </summary>
public sealed class DocumentCollector : ICollector
{
    private readonly string[] _facetFields;
    private readonly bool _scores;
    private readonly int _passagesKept;
    // Each document's best passages, flat: slots [index * kept, index * kept + count) — no object per passage or
    // document, since a long question matches most of a million passages and these live until the page is built.
    private float[] _topScores = [];
    private int[] _topDocs = [];
    private readonly List<int> _topCounts = [];
    private readonly Dictionary<string, int> _documentIndex = new(StringComparer.Ordinal);
    private readonly List<string> _documentIds = [];
    private readonly List<float> _bestScores = [];
    private readonly List<int> _bestDocs = [];
    private readonly List<int> _matching = [];
    private readonly List<int> _dates = [];
    private readonly Dictionary<string, int>[] _facetCounts;

    private Scorer? _scorer;
    private int _docBase;
    private SegmentDocuments? _segment;
    private int[] _segmentToDocument = [];

    /// <param name="facetFields">Fields indexed with <c>SortedSetDocValuesField</c> to count.</param>
    /// <param name="scores">Whether to keep each document's best score (grouping by relevance needs it).</param>
    /// <param name="passagesPerDocument">With <paramref name="scores"/>, how many best passages to keep per document.</param>
    public DocumentCollector(IReadOnlyList<string> facetFields, bool scores, int passagesPerDocument = 1)
    {
        ArgumentNullException.ThrowIfNull(facetFields);
        _facetFields = [.. facetFields];
        _scores = scores;
        _passagesKept = scores ? Math.Max(1, passagesPerDocument) : 0;
        _facetCounts = [.. _facetFields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    }

    public int TotalDocuments => _documentIds.Count;

    /// <summary>How many best passages per document <see cref="TopPassages"/> holds (0 when not scoring).</summary>
    public int PassagesKept => _passagesKept;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _docBase = context.DocBase;
        _segment = SegmentDocuments.For(context.AtomicReader, _facetFields);
        _segmentToDocument = new int[_segment?.Ids.Length ?? 0];
        Array.Fill(_segmentToDocument, -1);
    }

    public void Collect(int doc)
    {
        if (_segment is null)
        {
            return;
        }

        var ord = _segment.Ordinals[doc];
        if (ord < 0)
        {
            return;
        }

        var index = _segmentToDocument[ord];
        if (index < 0)
        {
            var id = _segment.Ids[ord];
            if (!_documentIndex.TryGetValue(id, out index))
            {
                index = _documentIds.Count;
                _documentIndex.Add(id, index);
                _documentIds.Add(id);
                _bestScores.Add(float.NegativeInfinity);
                _bestDocs.Add(-1);
                _matching.Add(0);
                if (_scores)
                {
                    _topCounts.Add(0);
                    if (_topScores.Length < _topCounts.Count * _passagesKept)
                    {
                        var capacity = Math.Max(_topCounts.Count * _passagesKept, Math.Max(64, _topScores.Length * 2));
                        Array.Resize(ref _topScores, capacity);
                        Array.Resize(ref _topDocs, capacity);
                    }
                }

                _dates.Add(_segment.Dates[ord]);
                CountFacets(ord);
            }

            _segmentToDocument[ord] = index;
        }

        _matching[index]++;
        if (_scores && _scorer is not null)
        {
            var score = _scorer.GetScore();
            if (score > _bestScores[index])
            {
                _bestScores[index] = score;
                _bestDocs[index] = _docBase + doc;
            }

            KeepIfAmongBest(index, score, _docBase + doc);
        }
        else if (_bestDocs[index] < 0)
        {
            _bestDocs[index] = _docBase + doc;
        }
    }

    /// <summary>How many of a document's passages matched (0 when none did).</summary>
    public int MatchingPassages(string documentId) =>
        _documentIndex.TryGetValue(documentId, out var index) ? _matching[index] : 0;

    /// <summary>
    /// A document's best <see cref="PassagesKept"/> matching passages, by score then index order (as a search
    /// within the document would rank them); empty when not scoring or when the document did not match.
    /// </summary>
    public IReadOnlyList<ScoreDoc> TopPassages(string documentId)
    {
        if (!_scores || !_documentIndex.TryGetValue(documentId, out var index))
        {
            return [];
        }

        var first = index * _passagesKept;
        return [.. Enumerable.Range(first, _topCounts[index]).Select(slot => new ScoreDoc(_topDocs[slot], _topScores[slot]))];
    }

    /// <summary>Facet values, most frequent first (ties by value), at most <paramref name="maxValues"/> per field.</summary>
    public IReadOnlyList<FacetResult> Facets(int maxValues)
    {
        var results = new List<FacetResult>(_facetFields.Length);
        for (var i = 0; i < _facetFields.Length; i++)
        {
            var values = _facetCounts[i]
                .OrderByDescending(p => p.Value)
                .ThenByDescending(p => _facetFields[i] == IndexFields.Year ? p.Key : string.Empty, StringComparer.Ordinal)
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(maxValues)
                .Select(p => new FacetValue(p.Key, p.Value))
                .ToList();
            results.Add(new FacetResult(_facetFields[i], values));
        }

        return results;
    }

    /// <summary>Every matching document with its statistics, in the order asked for.</summary>
    public IReadOnlyList<DocumentStats> Documents(SearchSort sort)
    {
        var documents = Enumerable.Range(0, _documentIds.Count)
            .Select(i => new DocumentStats(_documentIds[i], _bestScores[i], _bestDocs[i], _matching[i], _dates[i]));
        return sort switch
        {
            SearchSort.DateDescending => [.. documents.OrderByDescending(d => d.DateNumber).ThenByDescending(d => d.BestScore).ThenBy(d => d.DocumentId, StringComparer.Ordinal)],
            SearchSort.DateAscending => [.. documents.OrderBy(d => d.DateNumber == 0 ? int.MaxValue : d.DateNumber).ThenByDescending(d => d.BestScore).ThenBy(d => d.DocumentId, StringComparer.Ordinal)],
            _ => [.. documents.OrderByDescending(d => d.BestScore).ThenBy(d => d.BestDoc)],
        };
    }

    private void KeepIfAmongBest(int index, float score, int doc)
    {
        // Same order as TopScoreDocCollector: higher score first, then lower doc id (docs may come out of order).
        var first = index * _passagesKept;
        var count = _topCounts[index];
        var at = count;
        while (at > 0 && (_topScores[first + at - 1] < score || (_topScores[first + at - 1].Equals(score) && _topDocs[first + at - 1] > doc)))
        {
            at--;
        }

        if (at >= _passagesKept)
        {
            return;
        }

        // Shift the worse ones down one slot (the last falls off when full) and insert.
        var last = Math.Min(count, _passagesKept - 1);
        for (var slot = last; slot > at; slot--)
        {
            _topScores[first + slot] = _topScores[first + slot - 1];
            _topDocs[first + slot] = _topDocs[first + slot - 1];
        }

        _topScores[first + at] = score;
        _topDocs[first + at] = doc;
        _topCounts[index] = Math.Min(count + 1, _passagesKept);
    }

    private void CountFacets(int ord)
    {
        for (var i = 0; i < _facetFields.Length; i++)
        {
            foreach (var name in _segment!.Facets[i][ord])
            {
                _facetCounts[i][name] = _facetCounts[i].TryGetValue(name, out var count) ? count + 1 : 1;
            }
        }
    }
}
