using System.ComponentModel.DataAnnotations;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Api;

public sealed record UrlImportRequest
{
    [Required]
    public string Url { get; init; } = string.Empty;

    public string? Title { get; init; }

    /// <summary>Comma-separated tags.</summary>
    public string? Tags { get; init; }

    public string? Collection { get; init; }

    public DocumentVisibility Visibility { get; init; } = DocumentVisibility.Internal;
}
