using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Vietnamese.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Extraction.Ocr;

/// <summary>
/// OCR through the Debian programs: <c>pdftoppm</c> (poppler-utils) renders the page, <c>tesseract</c> with the
/// Vietnamese model (tesseract-ocr-vie) reads it. Both run as child processes under the per-page timeout and
/// are killed when it runs out. Whether they are installed is checked once. Thread-safe.
/// </summary>
public sealed partial class TesseractOcrEngine : IOcrEngine
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20);
    private readonly ExtractionOptions _options;
    private readonly ILogger<TesseractOcrEngine> _logger;
    private readonly Lazy<Task<string?>> _unavailableReason;

    public TesseractOcrEngine(IOptions<ExtractionOptions> options, ILogger<TesseractOcrEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _unavailableReason = new Lazy<Task<string?>>(ProbeAsync);
    }

    /// <summary>Null when OCR can run here, else why not.</summary>
    public Task<string?> GetUnavailableReasonAsync() => _unavailableReason.Value;

    public Task<OcrResult> RecognizePdfPageAsync(string pdfPath, int pageNumber, CancellationToken cancellationToken) =>
        RecognizeAsync(pdfPath, pageNumber, _options.OcrDpi, cancellationToken);

    public Task<OcrResult> RecognizePdfPageAsync(string pdfPath, int pageNumber, double widthPoints, double heightPoints, CancellationToken cancellationToken) =>
        RecognizeAsync(pdfPath, pageNumber, OcrResolution.Dpi(widthPoints, heightPoints, _options.OcrDpi), cancellationToken);

    private async Task<OcrResult> RecognizeAsync(string pdfPath, int pageNumber, int dpi, CancellationToken cancellationToken)
    {
        var reason = await GetUnavailableReasonAsync();
        if (reason is not null)
        {
            return OcrResult.Unavailable(reason);
        }

        var folder = Path.Combine(Path.GetTempPath(), "kb-ocr-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var watch = Stopwatch.StartNew();
        try
        {
            var page = pageNumber.ToString(CultureInfo.InvariantCulture);
            var render = await ExternalProgram.RunAsync(
                _options.PdftoppmPath,
                ["-f", page, "-l", page, "-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-png", pdfPath, Path.Combine(folder, "page")],
                _options.OcrPageTimeout,
                cancellationToken);
            var image = Directory.EnumerateFiles(folder, "*.png").FirstOrDefault();
            if (render.TimedOut || render.ExitCode != 0 || image is null)
            {
                return Failed(pageNumber, render.TimedOut ? $"rendering took longer than {_options.OcrPageTimeout}" : $"pdftoppm failed: {FirstLine(render.StandardError)}");
            }

            var remaining = _options.OcrPageTimeout - watch.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return Failed(pageNumber, $"rendering used the whole {_options.OcrPageTimeout} allowed per page");
            }

            var read = await ReadAsync(image, pageNumber, remaining, cancellationToken);
            if (read.Status == OcrStatus.Recognized)
            {
                LogRecognized(_logger, pdfPath, pageNumber, dpi, watch.ElapsedMilliseconds);
            }

            return read;
        }
        catch (Win32Exception ex)
        {
            return Failed(pageNumber, "an OCR program could not be started: " + ex.Message);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    public async Task<OcrResult> RecognizeImageAsync(string imagePath, CancellationToken cancellationToken)
    {
        var reason = await GetUnavailableReasonAsync();
        if (reason is not null)
        {
            return OcrResult.Unavailable(reason);
        }

        try
        {
            return await ReadAsync(imagePath, 1, _options.OcrPageTimeout, cancellationToken);
        }
        catch (Win32Exception ex)
        {
            return Failed(1, "an OCR program could not be started: " + ex.Message);
        }
    }

    private async Task<OcrResult> ReadAsync(string image, int pageNumber, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var read = await ExternalProgram.RunAsync(_options.TesseractPath, [image, "stdout", "-l", _options.OcrLanguage], timeout, cancellationToken);
        ExtractionProgress.Report();
        if (read.TimedOut || read.ExitCode != 0)
        {
            return Failed(pageNumber, read.TimedOut ? $"OCR took longer than {_options.OcrPageTimeout}" : $"tesseract failed: {FirstLine(read.StandardError)}");
        }

        return new OcrResult(OcrStatus.Recognized, VietnameseText.ToNfc(read.StandardOutput.Replace("\f", string.Empty, StringComparison.Ordinal).Trim()));
    }

    private OcrResult Failed(int pageNumber, string reason)
    {
        LogFailed(_logger, pageNumber, reason);
        return OcrResult.Failed(reason);
    }

    private async Task<string?> ProbeAsync()
    {
        if (!_options.EnableOcr)
        {
            return "OCR is switched off (Extraction:EnableOcr = false)";
        }

        if (ExternalProgram.Locate(_options.PdftoppmPath) is null)
        {
            return $"the program '{_options.PdftoppmPath}' was not found (Debian package poppler-utils)";
        }

        if (ExternalProgram.Locate(_options.TesseractPath) is null)
        {
            return $"the program '{_options.TesseractPath}' was not found (Debian packages tesseract-ocr and tesseract-ocr-vie)";
        }

        try
        {
            var list = await ExternalProgram.RunAsync(_options.TesseractPath, ["--list-langs"], ProbeTimeout, CancellationToken.None);
            var installed = (list.StandardOutput + "\n" + list.StandardError)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToHashSet(StringComparer.Ordinal);
            var missing = _options.OcrLanguage.Split('+').Where(l => !installed.Contains(l)).ToList();
            if (missing.Count > 0)
            {
                return $"Tesseract has no language data for '{string.Join("+", missing)}' (Debian package tesseract-ocr-{missing[0]})";
            }
        }
        catch (Win32Exception ex)
        {
            return $"the program '{_options.TesseractPath}' could not be started: {ex.Message}";
        }

        return null;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "no message" : line;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless; the OCR result is what matters.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: nothing to do about it here.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "OCR read page {Page} of {Path} at {Dpi} dpi in {Milliseconds} ms")]
    private static partial void LogRecognized(ILogger logger, string path, int page, int dpi, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCR failed on page {Page}: {Reason}")]
    private static partial void LogFailed(ILogger logger, int page, string reason);
}
