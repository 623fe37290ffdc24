namespace KnowledgeBase.Search.Evaluation;

/// <summary>
/// What the search returned for one query: passage ids best first, with scores, and how long it took.
/// <see cref="Refused"/> holds the parser's message when the query was refused (it then scores zero).
/// </summary>
public sealed record RankedResult(string QueryId, IReadOnlyList<string> PassageIds, IReadOnlyList<float> Scores, TimeSpan Elapsed, string? Refused = null);
