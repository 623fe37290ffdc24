namespace KnowledgeBase.Web.Models;

/// <summary>What happened to one uploaded file, already in the user's language.</summary>
public sealed record UploadOutcome(string FileName, bool Accepted, string Message, long? JobId);
