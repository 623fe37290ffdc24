using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// Extraction on a thread of this process, with the time limit enforced by abandoning the work: the
/// caller moves on, but a runaway parser keeps its thread. Use the child-process runner in production.
/// </summary>
public sealed class InProcessExtractionRunner : IExtractionRunner
{
    private readonly ExtractorSelector _extractors;
    private readonly IOptions<IngestionOptions> _options;

    public InProcessExtractionRunner(ExtractorSelector extractors, IOptions<IngestionOptions> options)
    {
        _extractors = extractors;
        _options = options;
    }

    public async Task<ExtractedDocument> RunAsync(string path, DocumentKind kind, CancellationToken cancellationToken)
    {
        var timeout = _options.Value.ExtractionTimeout;
        var maxTime = _options.Value.ExtractionMaxTime;
        using var whole = new CancellationTokenSource(maxTime);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, whole.Token);
        limit.CancelAfter(timeout);
        var work = Task.Run(
            async () =>
            {
                // Each OCR'd page restarts the no-progress timer (CancelAfter resets a pending one).
                using var progress = ExtractionProgress.Listen(() =>
                {
                    try
                    {
                        limit.CancelAfter(timeout);
                    }
                    catch (ObjectDisposedException)
                    {
                        // The caller has already given up on this extraction.
                    }
                });
                return await ExtractionGuard.ExtractAsync(_extractors, path, kind, limit.Token);
            },
            limit.Token);
        try
        {
            return await work.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExtractionException(whole.IsCancellationRequested ? ExtractionMessages.RanOverMaxTime(maxTime) : ExtractionMessages.TimedOut(timeout), isPermanent: true);
        }
    }
}
