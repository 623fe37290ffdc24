using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Web.Models;

/// <summary>The metadata fields of the upload form and of <c>POST /api/documents</c>.</summary>
public sealed class UploadForm
{
    public string? Title { get; set; }

    public string? Tags { get; set; }

    public string? Collection { get; set; }

    public DocumentVisibility Visibility { get; set; } = DocumentVisibility.Internal;

    public IntakeMetadata ToMetadata(string? addedBy) => new()
    {
        Title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim(),
        Tags = SplitTags(Tags),
        Collection = string.IsNullOrWhiteSpace(Collection) ? null : Collection.Trim(),
        Visibility = Visibility,
        AddedBy = addedBy,
    };

    /// <summary>Tags typed as one line, separated by commas or semicolons.</summary>
    public static IReadOnlyList<string> SplitTags(string? tags) =>
        [.. (tags ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
