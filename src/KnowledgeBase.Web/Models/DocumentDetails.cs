using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Core.Search;
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
    /// <summary>Null when the id is malformed or names no document this audience may see.</summary>
    public static DocumentDetails? Load(string id, DocumentStore documentStore, JobStore jobStore, DocumentService documents, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(documentStore);
        ArgumentNullException.ThrowIfNull(jobStore);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(audience);
        if (documentStore.GetVisible(id, audience) is not { } document)
        {
            return null;
        }

        return new DocumentDetails(document, documentStore.GetPages(id), documents.GetPassages(id), documentStore.GetWarnings(id), jobStore.ListForDocument(id));
    }
}
