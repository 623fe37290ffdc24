using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Models;

/// <summary>The editable metadata of a document (the document page's form and <c>PATCH /api/documents/{id}</c>).</summary>
public sealed class MetadataForm : IValidatableObject
{
    public string? Title { get; set; }

    public string? Author { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>Comma-separated (in JSON also an array of strings); null leaves the tags as they are.</summary>
    [JsonConverter(typeof(TagsJsonConverter))]
    public string? Tags { get; set; }

    public string? Collection { get; set; }

    public DocumentVisibility? Visibility { get; set; }

    /// <summary>Applies the fields that were given; an empty string clears author, tags or collection.</summary>
    public DocumentInfo ApplyTo(DocumentInfo document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with
        {
            Title = string.IsNullOrWhiteSpace(Title) ? document.Title : Title.Trim(),
            Author = Author is null ? document.Author : Blank(Author),
            Date = Date ?? document.Date,
            Tags = Tags is null ? document.Tags : UploadForm.SplitTags(Tags),
            Collection = Collection is null ? document.Collection : Blank(Collection),
            Visibility = Visibility ?? document.Visibility,
        };
    }

    /// <summary>The same limits as every other route (<see cref="MetadataLimits"/>).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MetadataLimits.Check(Title?.Trim(), Author?.Trim(), Collection?.Trim(), Tags is null ? null : UploadForm.SplitTags(Tags)) is { } problem)
        {
            yield return new ValidationResult(problem);
        }
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
