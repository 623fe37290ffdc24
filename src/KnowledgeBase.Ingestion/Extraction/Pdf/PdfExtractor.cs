using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction.Ocr;
using KnowledgeBase.Vietnamese.Legacy;
using KnowledgeBase.Vietnamese.Syllables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// PDF with PdfPig, page by page: reading order across columns, running headers, footers and page numbers
/// dropped, hyphenated words joined, <c>/ActualText</c> honoured, legacy TCVN3/VNI runs converted by font,
/// everything NFC. Pages without a text layer go to OCR (or are marked "needs OCR"); text that is not
/// readable Vietnamese is marked garbled. Unreadable files throw <see cref="ExtractionException"/>.
/// Stateless and thread-safe.
/// </summary>
public sealed partial class PdfExtractor : IDocumentExtractor
{
    // Below this many pages per worker, opening the document again costs more than it saves.
    private const int MinPagesPerWorker = 8;
    private const int MaxReadWorkers = 4;
    private readonly IOcrEngine _ocr;
    private readonly int _maxReadWorkers;
    private readonly ILogger<PdfExtractor> _logger;

    public PdfExtractor(IOcrEngine ocr, IOptions<ExtractionOptions> options, ILogger<PdfExtractor> logger)
    {
        _ocr = ocr;
        var workers = options.Value.PdfReadWorkers;
        _maxReadWorkers = workers > 0 ? workers : Math.Min(Environment.ProcessorCount, MaxReadWorkers);
        _logger = logger;
    }

    public bool CanExtract(DocumentKind kind) => kind == DocumentKind.Pdf;

    /// <summary>How many threads read a PDF of this many pages (see <see cref="ExtractionOptions.PdfReadWorkers"/>).</summary>
    public int PageReadersFor(int pageCount) => Math.Clamp(pageCount / MinPagesPerWorker, 1, _maxReadWorkers);

    public async Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckFile(path);
        using var document = Open(path);
        int count;
        try
        {
            count = document.NumberOfPages;
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            throw new ExtractionException("The PDF's page tree cannot be read: " + ex.Message, ex);
        }

        if (count <= 0)
        {
            throw new ExtractionException("The PDF has no pages.");
        }

        var read = ReadPages(path, document, count, PageReadersFor(count), cancellationToken);

        var drop = RunningLineFilter.Find([.. read.Select(r => r.Layout)]);
        var pages = new List<ExtractedPage>(count);
        var warnings = new List<string>();
        var needsOcr = new List<int>();
        var ocrFailed = new List<int>();
        var garbled = new List<int>();
        string? ocrReason = null;
        for (var i = 0; i < count; i++)
        {
            var number = i + 1;
            var r = read[i];
            if (r.Error is not null)
            {
                warnings.Add($"Page {number} could not be read: {r.Error}");
                pages.Add(new ExtractedPage { Number = number, Method = ExtractionMethod.Empty, Verdict = PageVerdict.Garbled });
                continue;
            }

            if (r.Words.Words.Count == 0)
            {
                var page = r.Words.HasInk ? await OcrPageAsync(path, number, r.Layout, cancellationToken) : EmptyPage(number);
                if (page.Page.Verdict == PageVerdict.NeedsOcr)
                {
                    (page.Failed ? ocrFailed : needsOcr).Add(number);
                    ocrReason ??= page.Reason;
                }

                pages.Add(page.Page);
                continue;
            }

            var textPage = BuildTextPage(number, r, drop[i]);
            if (textPage.Verdict == PageVerdict.Garbled)
            {
                // A garbled text layer (a Type-3 font without a Unicode map) may still look right on paper: OCR
                // reads it, and the better of the two readings by the syllable validator is kept.
                var ocr = await OcrPageAsync(path, number, r.Layout, cancellationToken);
                if (ocr.Page.Method == ExtractionMethod.Ocr && (ocr.Page.Quality ?? 0) > (textPage.Quality ?? 0))
                {
                    textPage = ocr.Page;
                }
                else
                {
                    garbled.Add(number);
                }
            }

            pages.Add(textPage);
        }

        if (needsOcr.Count > 0)
        {
            warnings.Add($"{Capitalize(PageList.Format(needsOcr))} {(needsOcr.Count == 1 ? "has" : "have")} no text layer and need OCR: {ocrReason}.");
        }

        if (ocrFailed.Count > 0)
        {
            warnings.Add($"OCR failed on {PageList.Format(ocrFailed)} ({ocrReason}); they need OCR.");
        }

        if (OcrPage.PoorWarning(pages) is { } poor)
        {
            warnings.Add(poor);
        }

        if (garbled.Count > 0)
        {
            warnings.Add($"{Capitalize(PageList.Format(garbled))} {(garbled.Count == 1 ? "looks" : "look")} garbled: the text layer is not readable Vietnamese (a font without a Unicode map?).");
        }

        var info = document.Information;
        LogExtracted(_logger, path, count, garbled.Count, needsOcr.Count + ocrFailed.Count);
        return new ExtractedDocument
        {
            Title = PdfTitle.Choose(info.Title, [.. read.Select(r => r.Layout)], drop, pages),
            Author = PdfTitle.CleanMetadata(info.Author),
            Date = ParsePdfDate(info.CreationDate),
            Pages = pages,
            Warnings = warnings,
        };
    }

    private static void CheckFile(string path)
    {
        FileInfo file;
        try
        {
            file = new FileInfo(path);
        }
        catch (ArgumentException ex)
        {
            throw new ExtractionException($"The path '{path}' is not valid: {ex.Message}", ex);
        }

        if (!file.Exists)
        {
            throw new ExtractionException($"The file '{path}' does not exist.");
        }

        if (file.Length == 0)
        {
            throw new ExtractionException("The file is empty (0 bytes).");
        }
    }

    private static PdfDocument Open(string path)
    {
        try
        {
            var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true });
            document.AddPageFactory<PdfGlyphPage, PdfGlyphPageFactory>();
            return document;
        }
        catch (PdfDocumentEncryptedException ex)
        {
            throw new ExtractionException("The PDF is encrypted (password-protected); it cannot be read without its password.", ex);
        }
        catch (IOException ex)
        {
            throw new ExtractionException("The file could not be read: " + ex.Message, isPermanent: false, ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ExtractionException("The file could not be opened: " + ex.Message, isPermanent: false, ex);
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            throw new ExtractionException("The file is not a readable PDF (damaged or not a PDF): " + ex.Message, ex);
        }
    }

    // PdfPig reports malformed input through its own exceptions and, for hostile files, through whatever the
    // parser tripped on; none of those should escape as anything but "this file cannot be read".
    private static bool IsParseFailure(Exception ex) =>
        ex is not (OperationCanceledException or OutOfMemoryException or ExtractionException);

    /// <summary>
    /// Reads every page's words and lines. A long PDF is read by several workers at once, each with its own
    /// <see cref="PdfDocument"/> (PdfPig's documents are not thread-safe) and every n-th page, so parsing —
    /// the bulk of the time — scales with the cores.
    /// </summary>
    private static PageRead[] ReadPages(string path, PdfDocument document, int count, int workers, CancellationToken cancellationToken)
    {
        var read = new PageRead[count];
        void Work(PdfDocument source, int first)
        {
            var fonts = new Dictionary<string, (LegacyEncoding Encoding, bool Capitals)>(StringComparer.Ordinal);
            for (var number = first; number <= count; number += workers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                read[number - 1] = ReadPage(source, number, fonts);
            }
        }

        if (workers == 1)
        {
            Work(document, 1);
            return read;
        }

        try
        {
            Parallel.For(0, workers, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = workers }, worker =>
            {
                if (worker == 0)
                {
                    Work(document, 1);
                    return;
                }

                using var own = Open(path);
                Work(own, worker + 1);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return read;
    }

    private static PageRead ReadPage(PdfDocument document, int number, Dictionary<string, (LegacyEncoding Encoding, bool Capitals)> fonts)
    {
        try
        {
            using var page = document.GetPage<PdfGlyphPage>(number);
            var words = PdfWordReader.Read(page, fonts);
            var box = page.MediaBox;
            return new PageRead(words, new PdfPageLayout(ReadingOrder.Lines(words.Words), box.Bottom, box.Height, box.Width), null);
        }
        catch (Exception ex) when (IsParseFailure(ex))
        {
            return new PageRead(new PdfPageWords([], 0, 0, 0, false), new PdfPageLayout([], 0, 0), ex.Message);
        }
    }

    private static ExtractedPage BuildTextPage(int number, PageRead read, HashSet<int> drop)
    {
        var words = read.Words;
        var lines = read.Layout.Lines;
        var method = words.ActualTextSpans > 0 ? ExtractionMethod.ActualText : ExtractionMethod.TextLayer;
        var verdict = PageVerdict.Ok;
        if (words.Tcvn3Letters + words.VniLetters > 0)
        {
            // The repair must make the page more Vietnamese, never less: a font merely named like a legacy
            // one (with a proper Unicode map) is read as it is.
            var repaired = SyllableStatistics.Measure(string.Join(' ', words.Words.Select(w => w.Text)));
            var asIs = SyllableStatistics.Measure(string.Join(' ', words.Words.Select(w => w.RawText)));
            if ((repaired.ValidShare ?? 0) > (asIs.ValidShare ?? 0))
            {
                method = words.Tcvn3Letters >= words.VniLetters ? ExtractionMethod.LegacyTcvn3 : ExtractionMethod.LegacyVni;
                verdict = PageVerdict.Repaired;
            }
            else
            {
                lines = ReadingOrder.Lines([.. words.Words.Select(w => w with { Text = w.RawText })]);
                drop = [];
            }
        }

        var kept = lines.Where((_, index) => !drop.Contains(index)).ToList();
        var blocks = ParagraphBuilder.Build(kept);
        var text = string.Join(PageText.BlockSeparator, blocks.Select(b => b.Text));
        var statistics = SyllableStatistics.Measure(text);
        if (ExtractionQuality.LooksGarbled(statistics))
        {
            verdict = PageVerdict.Garbled;
        }

        return new ExtractedPage
        {
            Number = number,
            Blocks = blocks,
            Method = blocks.Count == 0 ? ExtractionMethod.Empty : method,
            Quality = ExtractionQuality.Round(statistics.ValidShare),
            Verdict = blocks.Count == 0 ? PageVerdict.Empty : verdict,
        };
    }

    private async Task<(ExtractedPage Page, bool Failed, string? Reason)> OcrPageAsync(string path, int number, PdfPageLayout layout, CancellationToken cancellationToken)
    {
        var result = await _ocr.RecognizePdfPageAsync(path, number, layout.Width, layout.Height, cancellationToken);
        if (result.Status != OcrStatus.Recognized)
        {
            var page = new ExtractedPage { Number = number, Method = ExtractionMethod.Empty, Verdict = PageVerdict.NeedsOcr };
            return (page, result.Status == OcrStatus.Failed, result.Reason);
        }

        return (OcrPage.Build(number, result.Text), false, null);
    }

    private static (ExtractedPage Page, bool Failed, string? Reason) EmptyPage(int number) =>
        (new ExtractedPage { Number = number, Method = ExtractionMethod.Empty, Verdict = PageVerdict.Empty }, false, null);

    private static DateOnly? ParsePdfDate(string? value)
    {
        // "D:20160120144430+07'00'": only the date part matters here.
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var digits = value.StartsWith("D:", StringComparison.Ordinal) ? value[2..] : value;
        return digits.Length >= 8 && DateOnly.TryParseExact(digits[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [LoggerMessage(Level = LogLevel.Information, Message = "Extracted {Path}: {Pages} pages, {Garbled} garbled, {NeedOcr} needing OCR")]
    private static partial void LogExtracted(ILogger logger, string path, int pages, int garbled, int needOcr);

    private sealed record PageRead(PdfPageWords Words, PdfPageLayout Layout, string? Error);
}
