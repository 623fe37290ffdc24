namespace KnowledgeBase.Web.Api;

/// <summary>One uploaded file: its job when accepted, else the refusal code and reason.</summary>
public sealed record UploadResponse(string FileName, bool Accepted, JobResponse? Job, string? Error, string? Reason);
