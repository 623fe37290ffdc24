using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Web.Api;

/// <summary>A page's extraction report: how its text was obtained, the share of valid syllables, the verdict.</summary>
public sealed record PageResponse(int Number, ExtractionMethod Method, double? Quality, PageVerdict Verdict, int Characters);
