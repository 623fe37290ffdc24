using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// <see cref="DocumentKind.Office"/>: a password-protected Office Open XML file whose name does not tell a .docx from a
/// .pptx. Nothing in it can be read without its password, so it fails at once, naming no kind it cannot know.
/// Stateless and thread-safe.
/// </summary>
public sealed class EncryptedOfficeExtractor : IDocumentExtractor
{
    public bool CanExtract(DocumentKind kind) => kind == DocumentKind.Office;

    public Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        ExtractionInput.RequireNonEmptyFile(path);
        throw new ExtractionException(
            ContainerSniffer.IsEncryptedPackage(path)
                ? ContainerSniffer.EncryptedMessage(DocumentKind.Office)
                : "The file is not a readable Office file (damaged, or not a .docx or .pptx).",
            isPermanent: true);
    }
}
