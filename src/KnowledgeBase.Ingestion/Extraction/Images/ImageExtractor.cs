using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction.Ocr;

namespace KnowledgeBase.Ingestion.Extraction.Images;

/// <summary>
/// A PNG, JPEG or TIFF image read by the OCR engine, one page per frame (a multi-page TIFF gives one page per
/// TIFF page). Each frame is decoded to gray, shrunk to <see cref="OcrResolution"/>'s caps (as a rendered PDF page
/// would be), turned upright by its EXIF or TIFF orientation and written as a PGM file for Tesseract; a frame too
/// large to decode within the caps fails the file with the reason (see <see cref="ImageFrames"/>). Verdicts as for scanned PDF pages (<c>ocr</c>,
/// <c>ocr_poor</c>, <c>empty</c>); a frame whose OCR fails is <c>needs_ocr</c> with a warning. Without OCR
/// (switched off, Tesseract or its Vietnamese data missing) the file fails with the reason. Thread-safe.
/// </summary>
public sealed class ImageExtractor(IOcrEngine ocr) : IDocumentExtractor
{
    public bool CanExtract(DocumentKind kind) => kind == DocumentKind.Image;

    public async Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        ExtractionInput.RequireNonEmptyFile(path);
        var count = ImageFrames.Count(path);
        var folder = Directory.CreateTempSubdirectory("kb-image-").FullName;
        try
        {
            var pages = new List<ExtractedPage>();
            var failed = new List<int>();
            string? failure = null;
            for (var index = 0; index < count; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var frame = ImageFrames.Read(path, index);
                var pgm = Path.Combine(folder, $"frame-{index + 1}.pgm");
                frame.WritePgm(pgm);
                var result = await ocr.RecognizeImageAsync(pgm, cancellationToken);
                File.Delete(pgm);
                switch (result.Status)
                {
                    case OcrStatus.Unavailable:
                        throw new ExtractionException("Images are read by OCR, which is not available here: " + result.Reason + ".");
                    case OcrStatus.Failed:
                        failed.Add(index + 1);
                        failure ??= result.Reason;
                        pages.Add(new ExtractedPage { Number = index + 1, Method = ExtractionMethod.Empty, Verdict = PageVerdict.NeedsOcr });
                        break;
                    default:
                        pages.Add(OcrPage.Build(index + 1, result.Text));
                        break;
                }
            }

            var warnings = new List<string>();
            if (failed.Count > 0)
            {
                warnings.Add($"OCR failed on {Pdf.PageList.Format(failed)} ({failure}); they need OCR.");
            }

            if (OcrPage.PoorWarning(pages) is { } poor)
            {
                warnings.Add(poor);
            }

            return new ExtractedDocument { Pages = pages, Warnings = warnings };
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
