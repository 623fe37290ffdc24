using System.Diagnostics;
using KnowledgeBase.Web.Models;

namespace KnowledgeBase.Web.Api;

/// <summary>One uploaded file: its job when accepted, else the refusal code and reason.</summary>
public sealed record UploadResponse(string FileName, bool Accepted, JobResponse? Job, string? Error, string? Reason)
{
    public static UploadResponse From(UploadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result switch
        {
            { Intake: { } intake } => new UploadResponse(result.Name, true, JobResponse.From(intake.Job), null, null),
            { Refusal: { } refusal } => new UploadResponse(result.Name, false, null, ApiCodes.Of(refusal.Error), refusal.Message),
            _ => throw new UnreachableException("An upload is either taken in or refused."),
        };
    }
}
