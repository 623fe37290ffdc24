namespace KnowledgeBase.Web.Api;

/// <summary>Body of <c>POST /api/admin/backup</c>: the folder on the server to write the backup under; empty for <c>backups/</c> in the data folder.</summary>
public sealed record BackupRequest(string? Destination);
