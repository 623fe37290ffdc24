namespace KnowledgeBase.Ingestion.Extraction.Ocr;

/// <summary>
/// The resolution a page is rendered at for OCR, chosen from its size: the configured DPI (300: A4 text comes out
/// at the height Tesseract reads best), lowered for large pages so that the longest side stays within
/// <see cref="MaxSidePixels"/> and the page within <see cref="MaxPixels"/>. An A0 scan (2,547 × 3,510 pt) is
/// rendered at 82 dpi, about 2,900 × 4,000 px, instead of over 10,000 px a side. Stateless.
/// </summary>
public static class OcrResolution
{
    public const int MaxSidePixels = 4000;

    /// <summary>About 4,000 × 3,000: an A4 page at 300 dpi (8.7 million) stays below it.</summary>
    public const double MaxPixels = 12_000_000;

    public const int MinDpi = 50;

    /// <summary>
    /// The most pixels an image is decoded whole to before it is shrunk to <see cref="MaxPixels"/> (PNG, JPEG, and
    /// TIFF pages that cannot be read row by row): 8 times the OCR cap, 96 million (an A3 sheet scanned at 600 dpi
    /// is 70 million). Decoding holds the whole image, 4–8 bytes a pixel (0.4–0.8 GB at this cap), well within
    /// the extraction worker's memory limit (1.5 GB by default); see also <see cref="MaxDecodedBytes"/>.
    /// </summary>
    public const long MaxDecodedPixels = 8 * (long)MaxPixels;

    /// <summary>The memory a whole-image decode may need, estimated from its channels and bit depth (16-bit RGBA PNGs need twice as much as 8-bit).</summary>
    public const long MaxDecodedBytes = 800L * 1024 * 1024;

    /// <summary>
    /// The most pixels a TIFF page read row by row may have: 100 times the OCR cap, 1.2 billion. Only the shrunk
    /// image (at most <see cref="MaxPixels"/>) is held, so memory does not grow with the page; the cap bounds the
    /// time, as every pixel is read once.
    /// </summary>
    public const long MaxStreamedPixels = 100 * (long)MaxPixels;

    private const double PointsPerInch = 72;

    public static int Dpi(double widthPoints, double heightPoints, int configuredDpi)
    {
        if (widthPoints <= 0 || heightPoints <= 0)
        {
            return configuredDpi;
        }

        var bySide = MaxSidePixels * PointsPerInch / Math.Max(widthPoints, heightPoints);
        var byArea = PointsPerInch * Math.Sqrt(MaxPixels / (widthPoints * heightPoints));
        var dpi = (int)Math.Floor(Math.Min(configuredDpi, Math.Min(bySide, byArea)));
        return Math.Max(Math.Min(MinDpi, configuredDpi), dpi);
    }

    /// <summary>
    /// The factor (at most 1) an image of <paramref name="width"/> × <paramref name="height"/> pixels is shrunk by
    /// before OCR, so that it keeps within <see cref="MaxSidePixels"/> and <see cref="MaxPixels"/> as a rendered page does.
    /// </summary>
    public static double ImageScale(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return 1;
        }

        var bySide = (double)MaxSidePixels / Math.Max(width, height);
        var byArea = Math.Sqrt(MaxPixels / ((double)width * height));
        return Math.Min(1, Math.Min(bySide, byArea));
    }
}
