using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using KnowledgeBase.Ingestion.Extraction.Ocr;
using KnowledgeBase.Ingestion.Extraction.Pdf;
using KnowledgeBase.Vietnamese.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>
/// <c>kb bench extraction</c>: times PDF extraction (in process, with one page reader, and as a cold
/// <c>kb extract</c>) against poppler's <c>pdftotext</c> on the same file in the same run; medians of the runs.
/// </summary>
internal static class ExtractionBenchmark
{
    private const string Sample =
        "Kinh nghiệm xây dựng và triển khai kế hoạch cải cách hành chính ở cấp tỉnh cho thấy việc phân công "
        + "trách nhiệm rõ ràng, theo dõi tiến độ thường xuyên và công khai kết quả giúp người dân, doanh nghiệp "
        + "tiếp cận dịch vụ công thuận tiện hơn. Các sở, ngành cần rà soát thủ tục, cắt giảm giấy tờ không cần thiết "
        + "và ứng dụng công nghệ thông tin trong giải quyết hồ sơ. ";

    public static Command Create()
    {
        var file = new Option<FileInfo?>("--file") { Description = "A PDF to time (default: a generated text PDF of --pages pages)." };
        var pages = new Option<int>("--pages") { Description = "Pages of the generated PDF.", DefaultValueFactory = _ => 100 };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each side (the median is reported).", DefaultValueFactory = _ => 5 };
        var command = new Command("extraction", "Time PDF extraction (in process and as 'kb extract') against pdftotext on the same PDF.") { file, pages, runs };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(file), Math.Max(1, parse.GetValue(pages)), Math.Max(1, parse.GetValue(runs)), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? file, int pageCount, int runs, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var pdftotext = ExternalProgram.Locate("pdftotext");
        if (pdftotext is null)
        {
            await error.WriteLineAsync("kb bench extraction: pdftotext was not found (Debian package poppler-utils).");
            return 1;
        }

        var generated = file is null;
        var path = file?.FullName ?? Path.Combine(Path.GetTempPath(), $"kb-bench-{Guid.NewGuid():N}.pdf");
        try
        {
            if (generated)
            {
                await File.WriteAllBytesAsync(path, BuildTextPdf(pageCount), cancellationToken);
            }

            await using var services = ExtractCommand.BuildServices();
            var extractor = services.GetServices<IDocumentExtractor>().OfType<PdfExtractor>().Single();

            // pdftotext reads on one core; the extractor reads a long PDF's pages on several. Both are timed.
            var oneWorker = new PdfExtractor(services.GetRequiredService<IOcrEngine>(), Options.Create(new ExtractionOptions { PdfReadWorkers = 1 }), NullLogger<PdfExtractor>.Instance);
            var textOut = Path.Combine(Path.GetTempPath(), $"kb-bench-{Guid.NewGuid():N}.txt");
            var kb = typeof(ExtractionBenchmark).Assembly.Location;

            // Warm-up: JIT, file cache.
            var document = await extractor.ExtractAsync(path, cancellationToken);
            await oneWorker.ExtractAsync(path, cancellationToken);
            await ExternalProgram.RunAsync(pdftotext, ["-enc", "UTF-8", path, textOut], TimeSpan.FromMinutes(5), cancellationToken);

            var ours = new List<double>();
            var oursOne = new List<double>();
            var theirs = new List<double>();
            var cold = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await extractor.ExtractAsync(path, cancellationToken);
                ours.Add(watch.Elapsed.TotalMilliseconds);

                watch.Restart();
                await oneWorker.ExtractAsync(path, cancellationToken);
                oursOne.Add(watch.Elapsed.TotalMilliseconds);

                watch.Restart();
                await ExternalProgram.RunAsync(pdftotext, ["-enc", "UTF-8", path, textOut], TimeSpan.FromMinutes(5), cancellationToken);
                theirs.Add(watch.Elapsed.TotalMilliseconds);

                watch.Restart();
                var run = await ExternalProgram.RunAsync("dotnet", [kb, "extract", path, "--format", "text"], TimeSpan.FromMinutes(5), cancellationToken);
                cold.Add(watch.Elapsed.TotalMilliseconds);
                if (run.ExitCode != 0)
                {
                    await error.WriteLineAsync($"kb bench extraction: 'kb extract' failed: {run.StandardError}");
                    return 1;
                }
            }

            File.Delete(textOut);
            var mOurs = Statistics.Median(ours);
            var mOne = Statistics.Median(oursOne);
            var mTheirs = Statistics.Median(theirs);
            var mCold = Statistics.Median(cold);
            var c = CultureInfo.InvariantCulture;
            await output.WriteLineAsync(string.Create(c, $"file: {(generated ? $"generated text PDF, {pageCount} pages" : path)} ({document.Pages.Count} pages, {document.Pages.Sum(p => p.Text.Length)} characters extracted)"));
            await output.WriteLineAsync(string.Create(c, $"runs: {runs} each, medians; machine: {Environment.ProcessorCount} cores"));
            await output.WriteLineAsync(string.Create(c, $"pdftotext (process)            {mTheirs,9:F1} ms"));
            await output.WriteLineAsync(string.Create(c, $"PdfExtractor (in process, warm) {mOurs,8:F1} ms   ratio {mOurs / mTheirs:F2}x   ({extractor.PageReadersFor(document.Pages.Count)} page readers)"));
            await output.WriteLineAsync(string.Create(c, $"PdfExtractor, one page reader  {mOne,9:F1} ms   ratio {mOne / mTheirs:F2}x"));
            await output.WriteLineAsync(string.Create(c, $"kb extract (process, cold)     {mCold,9:F1} ms   ratio {mCold / mTheirs:F2}x"));
            return 0;
        }
        catch (ExtractionException ex)
        {
            await error.WriteLineAsync($"kb bench extraction: {ex.Message}");
            return 1;
        }
        finally
        {
            if (generated && File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>A text PDF of Vietnamese prose (DejaVu Sans when installed, else Helvetica with the accents folded away).</summary>
    private static byte[] BuildTextPdf(int pages)
    {
        const string DejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
        using var builder = new PdfDocumentBuilder();
        var unicode = File.Exists(DejaVu);
        var font = unicode ? builder.AddTrueTypeFont(File.ReadAllBytes(DejaVu)) : builder.AddStandard14Font(Standard14Font.Helvetica);
        var words = (unicode ? Sample : VietnameseText.Fold(Sample)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var p = 0; p < pages; p++)
        {
            var page = builder.AddPage(595, 842);
            var y = 800.0;
            var w = p * 7;
            while (y > 60)
            {
                var line = string.Join(' ', Enumerable.Range(0, 12).Select(k => words[(w + k) % words.Length]));
                w += 12;
                page.AddText(line, 10, new PdfPoint(50, y), font);
                y -= 14;
            }
        }

        return builder.Build();
    }
}
