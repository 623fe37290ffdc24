using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// Extraction as both runners do it, in a worker process or on a thread of the host: any failure of the file
/// comes out as an <see cref="ExtractionException"/> with a reason staff can read and whether a retry could help.
/// Cancellation and running out of memory pass through for the runner to handle. Stateless and thread-safe.
/// </summary>
internal static class ExtractionGuard
{
    /// <summary>Runs the extractor and turns the parsers' own exceptions into reasons a person can read.</summary>
    public static async Task<ExtractedDocument> ExtractAsync(ExtractorSelector extractors, string path, DocumentKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extractors);
        try
        {
            return await extractors.ExtractAsync(path, kind, cancellationToken);
        }
        catch (ExtractionException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (OutOfMemoryException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ExtractionException("The PDF is encrypted (password-protected); it cannot be read.", isPermanent: true, e);
        }
        catch (PdfDocumentFormatException e)
        {
            throw new ExtractionException($"The PDF is damaged or not a valid PDF: {e.Message}", isPermanent: true, e);
        }
        catch (IOException e)
        {
            throw new ExtractionException($"The file could not be read: {e.Message}", isPermanent: false, e);
        }
#pragma warning disable CA1031 // Any other parser failure is a property of the file: report it as a permanent failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new ExtractionException(ExtractionMessages.Unexpected(e), isPermanent: true, e);
        }
    }
}
