namespace KnowledgeBase.Search.Collecting;

/// <summary>What the matching passages of one document add up to: the best score, where it is, how many matched.</summary>
public sealed record DocumentStats(string DocumentId, float BestScore, int BestDoc, int MatchingPassages, int DateNumber);
