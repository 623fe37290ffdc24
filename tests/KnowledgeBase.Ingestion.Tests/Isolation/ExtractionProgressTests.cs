using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Isolation;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Tests.Isolation;

/// <summary>
/// The extraction time limit counts from the last OCR'd page: a long scan that keeps reading pages finishes, a file
/// that stops moving is stopped, the whole is still bounded, and one document's pages never extend another's limit.
/// The limits are seconds apart from the work's own timing, so a loaded machine does not change the outcome.
/// </summary>
public sealed class ExtractionProgressTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task PagesKeepComing_TheDocumentFinishesLongAfterTheNoProgressLimit()
    {
        // Twelve "pages" of 400 ms: 4.8 s in all, more than twice the limit, never 2 s without a page.
        var runner = Runner(new SlowScan(pages: 12, perPage: TimeSpan.FromMilliseconds(400), reports: true));

        var document = await runner.RunAsync("scan.pdf", DocumentKind.Pdf, CancellationToken.None);

        Assert.Equal(12, document.Pages.Count);
    }

    [Fact]
    public async Task NoPagesReported_TheDocumentFailsAtTheLimitWithTheReason()
    {
        var runner = Runner(new SlowScan(pages: 12, perPage: TimeSpan.FromMilliseconds(400), reports: false));

        var failure = await Assert.ThrowsAsync<ExtractionException>(() => runner.RunAsync("scan.pdf", DocumentKind.Pdf, CancellationToken.None));

        Assert.True(failure.IsPermanent);
        Assert.Contains("took longer than the limit of 2 s without progress", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesKeepComing_TheWholeIsStillBoundedByTheMaximum()
    {
        var runner = Runner(new SlowScan(pages: 40, perPage: TimeSpan.FromMilliseconds(400), reports: true), maxTime: TimeSpan.FromSeconds(3));

        var failure = await Assert.ThrowsAsync<ExtractionException>(() => runner.RunAsync("scan.pdf", DocumentKind.Pdf, CancellationToken.None));

        Assert.Contains("for one document", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoDocumentsAtOnce_OnesPagesDoNotExtendTheOthersLimit()
    {
        // A wider limit than the others: two documents at once on a loaded test machine (test assemblies run side by
        // side) once left 2 s between two of the moving document's 400 ms pages. Here a page every 150 ms against 4 s.
        var extractor = new ByName(
            ("moving.pdf", new SlowScan(pages: 40, perPage: TimeSpan.FromMilliseconds(150), reports: true)),
            ("stuck.pdf", new SlowScan(pages: 1, perPage: TimeSpan.FromSeconds(8), reports: false)));
        var runner = Runner(extractor, limit: TimeSpan.FromSeconds(4));

        var moving = runner.RunAsync("moving.pdf", DocumentKind.Pdf, CancellationToken.None);
        var stuck = runner.RunAsync("stuck.pdf", DocumentKind.Pdf, CancellationToken.None);

        // The moving document reports a page every 150 ms for 6 s: had its pages counted for the stuck one, that one's
        // limit would run to 10 s, past its 8 s, and it would have finished.
        var failure = await Assert.ThrowsAsync<ExtractionException>(() => stuck);
        Assert.Contains("without progress", failure.Message, StringComparison.Ordinal);
        Assert.Equal(40, (await moving).Pages.Count);
    }

    private static InProcessExtractionRunner Runner(IDocumentExtractor extractor, TimeSpan? maxTime = null, TimeSpan? limit = null) =>
        new(new ExtractorSelector([extractor]), Options.Create(new IngestionOptions
        {
            ExtractionTimeout = limit ?? Limit,
            ExtractionMaxTime = maxTime ?? TimeSpan.FromMinutes(1),
        }));

    /// <summary>An OCR-like extractor: a page every <c>perPage</c>, reported as progress like the OCR engine does.</summary>
    private sealed class SlowScan(int pages, TimeSpan perPage, bool reports) : IDocumentExtractor
    {
        public bool CanExtract(DocumentKind kind) => kind == DocumentKind.Pdf;

        public async Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
        {
            var read = new List<ExtractedPage>();
            for (var page = 1; page <= pages; page++)
            {
                await Task.Delay(perPage, cancellationToken);
                read.Add(new ExtractedPage { Number = page });
                if (reports)
                {
                    ExtractionProgress.Report();
                }
            }

            return new ExtractedDocument { Pages = read };
        }
    }

    private sealed class ByName(params (string Name, IDocumentExtractor Extractor)[] extractors) : IDocumentExtractor
    {
        public bool CanExtract(DocumentKind kind) => kind == DocumentKind.Pdf;

        public Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken) =>
            extractors.Single(e => e.Name == path).Extractor.ExtractAsync(path, cancellationToken);
    }
}
