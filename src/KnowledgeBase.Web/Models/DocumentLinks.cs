using System.Globalization;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Web.Models;

/// <summary>Addresses of a document's pages, shared by the views and the API.</summary>
public static class DocumentLinks
{
    public static string Details(string documentId) => $"/documents/{documentId}";

    public static string File(string documentId) => $"/documents/{documentId}/file";

    /// <summary>The embedded viewer at a page, with the query's words highlighted.</summary>
    public static string Viewer(string documentId, int page, string? query, int? passage = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/documents/{documentId}/view?page={page}")
        + (passage is { } p ? string.Create(CultureInfo.InvariantCulture, $"&passage={p}") : string.Empty)
        + (string.IsNullOrWhiteSpace(query) ? string.Empty : "&q=" + Uri.EscapeDataString(query));

    /// <summary>The original at a page: PDF viewers honour <c>#page=N</c>; other formats open whole.</summary>
    public static string FileAtPage(string documentId, DocumentKind kind, int page) =>
        kind == DocumentKind.Pdf
            ? string.Create(CultureInfo.InvariantCulture, $"/documents/{documentId}/file#page={page}")
            : File(documentId);
}
