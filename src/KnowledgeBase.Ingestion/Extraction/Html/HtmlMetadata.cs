namespace KnowledgeBase.Ingestion.Extraction.Html;

/// <summary>What a web page's head (and JSON-LD) says about it; any part may be missing.</summary>
internal sealed record HtmlMetadata(string? Title, string? Author, DateOnly? Date, string? CanonicalUrl, string? Language);
