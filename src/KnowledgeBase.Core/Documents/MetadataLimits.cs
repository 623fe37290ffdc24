using KnowledgeBase.Core.Jobs;

namespace KnowledgeBase.Core.Documents;

/// <summary>
/// How long the metadata a person types may be — title, author, collection, tags — the same on every route:
/// the upload form, URL import, the API's upload and PATCH, the edit form and the sidecars of the inbox,
/// seeds and <c>kb ingest</c>. The one place that defines and checks them.
/// </summary>
public static class MetadataLimits
{
    public const int TitleLength = 300;
    public const int AuthorLength = 300;
    public const int CollectionLength = 200;
    public const int TagLength = 100;
    public const int TagCount = 50;

    /// <summary>Why the fields break a limit (English, naming the field and its limit), or null when they do not.</summary>
    public static string? Check(string? title, string? author, string? collection, IReadOnlyCollection<string>? tags)
    {
        return TooLong("title", title, TitleLength)
            ?? TooLong("author", author, AuthorLength)
            ?? TooLong("collection", collection, CollectionLength)
            ?? (tags?.Count > TagCount ? $"At most {TagCount} tags are allowed ({tags.Count} given)." : null)
            ?? tags?.Select(t => TooLong("tag", t, TagLength)).FirstOrDefault(m => m is not null);
    }

    /// <summary>The check for metadata handed in with a file.</summary>
    public static string? Check(IntakeMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return Check(metadata.Title, metadata.Author, metadata.Collection, metadata.Tags);
    }

    private static string? TooLong(string field, string? value, int limit) =>
        value is not null && value.Length > limit ? $"The {field} is longer than {limit} characters ({value.Length})." : null;
}
