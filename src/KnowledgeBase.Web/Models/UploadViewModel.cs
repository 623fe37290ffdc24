namespace KnowledgeBase.Web.Models;

public sealed record UploadViewModel(int MaxFileMb, IReadOnlyList<UploadOutcome> Outcomes);
