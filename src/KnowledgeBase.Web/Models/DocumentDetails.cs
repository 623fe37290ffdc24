using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Catalog;
using KnowledgeBase.Ingestion.Pipeline;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// What a document's page and <c>GET /api/documents/{id}</c> both show: the catalog entry, each page's
/// extraction report, the passages as indexed, the warnings and the jobs.
/// </summary>
public sealed record DocumentDetails(
    DocumentInfo Document,
    IReadOnlyList<ExtractedPage> Pages,
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<JobInfo> Jobs)
{
    /// <summary>Null when the id is malformed or names no document.</summary>
    public static DocumentDetails? Load(string id, CatalogStore catalog, DocumentService documents)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(documents);
        if (!DocumentIds.IsValidId(id) || catalog.GetDocument(id) is not { } document)
        {
            return null;
        }

        return new DocumentDetails(document, catalog.GetPages(id), documents.GetPassages(id), catalog.GetWarnings(id), catalog.ListJobsForDocument(id));
    }
}
