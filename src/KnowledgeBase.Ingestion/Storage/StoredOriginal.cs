namespace KnowledgeBase.Ingestion.Storage;

/// <summary>An original file in the content-addressed store.</summary>
public sealed record StoredOriginal(string ContentHash, long SizeBytes, string Path);
