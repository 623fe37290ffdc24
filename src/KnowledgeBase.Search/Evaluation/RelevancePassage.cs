namespace KnowledgeBase.Search.Evaluation;

/// <summary>A passage of a relevance collection (<c>passages.jsonl</c>: <c>{"id","title","text"}</c>).</summary>
public sealed record RelevancePassage(string Id, string Title, string Text);
