using KnowledgeBase.Ingestion.Accounts;
using KnowledgeBase.Web.Models;

namespace KnowledgeBase.Web.Accounts;

/// <summary>Records what the caller did in the audit trail, with their name and address. Scoped to the request.</summary>
public sealed class AuditTrail(AuditStore store, Caller caller)
{
    public void Record(string action, string? documentId = null, string? detail = null, string? userName = null) =>
        store.Record(new AuditEntry
        {
            Action = action,
            UserName = userName ?? caller.Name,
            DocumentId = documentId,
            Address = caller.Address,
            Detail = detail,
        });

    /// <summary>An accepted upload or import (a refused one changed nothing): the file or address and its job.</summary>
    public UploadResult Record(string action, UploadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Intake is { } intake)
        {
            Record(action, intake.Job.DocumentId, $"{result.Name} (job {intake.Job.Id})");
        }

        return result;
    }
}
