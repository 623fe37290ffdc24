using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// The metadata fields of the upload form and of <c>POST /api/documents</c>; <see cref="Date"/>, <see cref="Author"/>
/// and <see cref="SourceUrl"/> are what <c>kb ingest</c> sends from a file's sidecar (the page's form has none of them).
/// </summary>
public sealed class UploadForm
{
    public string? Title { get; set; }

    public string? Tags { get; set; }

    public string? Collection { get; set; }

    public DocumentVisibility Visibility { get; set; } = DocumentVisibility.Internal;

    public DateOnly? Date { get; set; }

    public string? Author { get; set; }

    /// <summary>Where the file was published; kept only when it is an absolute http(s) address.</summary>
    public string? SourceUrl { get; set; }

    public IntakeMetadata ToMetadata(string? addedBy) => new()
    {
        Title = string.IsNullOrWhiteSpace(Title) ? null : Title.Trim(),
        Tags = SplitTags(Tags),
        Collection = string.IsNullOrWhiteSpace(Collection) ? null : Collection.Trim(),
        Visibility = Visibility,
        AddedBy = addedBy,
        Date = Date,
        Author = string.IsNullOrWhiteSpace(Author) ? null : Author.Trim(),
        SourceUrl = Uri.TryCreate(SourceUrl?.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url.ToString() : null,
    };

    /// <summary>Tags typed as one line, separated by commas or semicolons.</summary>
    public static IReadOnlyList<string> SplitTags(string? tags) =>
        [.. (tags ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
