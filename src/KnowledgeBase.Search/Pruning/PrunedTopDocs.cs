using Lucene.Net.Search;

namespace KnowledgeBase.Search.Pruning;

/// <summary>
/// The top passages of a pruned search. <see cref="TopDocs.TotalHits"/> is exact when
/// <see cref="TotalIsEstimate"/> is false; otherwise it estimates the matches, since the pruned scorer skips
/// passages it can prove are not among the best without counting them. <see cref="FullyScored"/> counts the passages
/// whose every clause was scored (the rest were dropped on their clauses' bounds, or never visited);
/// <see cref="Visited"/> the passages an essential clause found (scored at least in part), <see cref="Clauses"/> the
/// disjunction's clauses (measurement: where a search's work goes), <see cref="Slices"/> the chunks of passages it was cut
/// into for several threads to share (1: one thread).
/// </summary>
public sealed record PrunedTopDocs(TopDocs TopDocs, bool TotalIsEstimate, long FullyScored = 0, long Visited = 0, int Clauses = 0, int Slices = 1);
