namespace KnowledgeBase.Search.Evaluation;

/// <summary>A query of a relevance collection (<c>queries.jsonl</c>: <c>{"id","query","relevant":[ids]}</c>).</summary>
public sealed record RelevanceQuery(string Id, string Query, IReadOnlyList<string> Relevant);
