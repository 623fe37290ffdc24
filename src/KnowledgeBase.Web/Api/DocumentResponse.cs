using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// A document as the API shows it (the list, the details, the answer to <c>PATCH</c>): the catalog's fields
/// under the names they have always had, chosen here so that a field added to the catalog is not published
/// without a decision.
/// </summary>
public sealed record DocumentResponse(
    string Id,
    string Title,
    DocumentKind Kind,
    string ContentHash,
    string ContentType,
    string FileName,
    string Source,
    string? SourceUrl,
    string? Author,
    DateOnly? Date,
    string Language,
    int PageCount,
    long SizeBytes,
    IReadOnlyList<string> Tags,
    string? Collection,
    DocumentVisibility Visibility,
    string? AddedBy,
    DateTimeOffset AddedAt,
    int Version,
    int Year)
{
    public static DocumentResponse From(DocumentInfo document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentResponse(
            document.Id,
            document.Title,
            document.Kind,
            document.ContentHash,
            document.ContentType,
            document.FileName,
            document.Source,
            document.SourceUrl,
            document.Author,
            document.Date,
            document.Language,
            document.PageCount,
            document.SizeBytes,
            document.Tags,
            document.Collection,
            document.Visibility,
            document.AddedBy,
            document.AddedAt,
            document.Version,
            document.Year);
    }
}
