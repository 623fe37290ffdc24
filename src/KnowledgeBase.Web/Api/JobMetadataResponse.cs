using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Web.Api;

/// <summary>What was said about a file when it was handed in (title, tags…), as a job's <c>metadata</c>.</summary>
public sealed record JobMetadataResponse(
    string? Title,
    DateOnly? Date,
    string? Author,
    IReadOnlyList<string> Tags,
    string? Collection,
    DocumentVisibility Visibility,
    string? AddedBy,
    string? SourceUrl)
{
    public static JobMetadataResponse From(IntakeMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new JobMetadataResponse(
            metadata.Title,
            metadata.Date,
            metadata.Author,
            metadata.Tags,
            metadata.Collection,
            metadata.Visibility,
            metadata.AddedBy,
            metadata.SourceUrl);
    }
}
