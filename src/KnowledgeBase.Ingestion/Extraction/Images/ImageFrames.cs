using BitMiracle.LibTiff.Classic;
using KnowledgeBase.Core.Extraction;
using StbImageSharp;

namespace KnowledgeBase.Ingestion.Extraction.Images;

/// <summary>
/// The frames of an image file as gray pixels: a PNG or JPEG (StbImageSharp) is one frame, a TIFF (LibTiff.NET)
/// one per directory (page). Sizes are read from the headers before any pixel is decoded, and an image larger than
/// <see cref="MaxDecodedPixels"/> is refused rather than decoded. Stateless and thread-safe.
/// </summary>
internal static class ImageFrames
{
    /// <summary>250 million pixels: an A0 sheet scanned at 600 dpi is about 210 million.</summary>
    public const long MaxDecodedPixels = 250_000_000;

    /// <summary>How many frames the file has (TIFF pages; 1 for PNG and JPEG).</summary>
    public static int Count(string path)
    {
        if (!IsTiff(path))
        {
            return 1;
        }

        using var tiff = OpenTiff(path);
        return tiff.NumberOfDirectories();
    }

    /// <summary>Frame <paramref name="index"/> (0-based) decoded to gray.</summary>
    /// <exception cref="ExtractionException">The image is damaged, too large or in a form not supported.</exception>
    public static GrayImage Read(string path, int index)
    {
        try
        {
            return IsTiff(path) ? ReadTiff(path, index) : ReadStb(path);
        }
#pragma warning disable CA1031 // StbImageSharp throws plain Exception for a damaged image: any decoder failure is the file's.
        catch (Exception ex) when (ex is not ExtractionException and not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new ExtractionException("The image could not be decoded (damaged or an unsupported variant): " + ex.Message, ex);
        }
    }

    private static GrayImage ReadStb(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var info = ImageInfo.FromStream(new MemoryStream(bytes)) ?? throw new ExtractionException("The image could not be decoded (damaged or not a PNG/JPEG).");
        CheckSize(info.Width, info.Height);
        var image = ImageResult.FromMemory(bytes, ColorComponents.Grey);
        return new GrayImage(image.Width, image.Height, image.Data);
    }

    private static GrayImage ReadTiff(string path, int index)
    {
        using var tiff = OpenTiff(path);
        if (!tiff.SetDirectory((short)index))
        {
            throw new ExtractionException($"The TIFF image has no page {index + 1}.");
        }

        var width = tiff.GetField(TiffTag.IMAGEWIDTH)?[0].ToInt() ?? 0;
        var height = tiff.GetField(TiffTag.IMAGELENGTH)?[0].ToInt() ?? 0;
        CheckSize(width, height);
        var raster = new int[width * height];
        if (!tiff.ReadRGBAImageOriented(width, height, raster, Orientation.TOPLEFT))
        {
            throw new ExtractionException($"Page {index + 1} of the TIFF image could not be decoded (damaged or an unsupported compression).");
        }

        var gray = new byte[raster.Length];
        for (var i = 0; i < raster.Length; i++)
        {
            var p = raster[i];
            gray[i] = (byte)(((Tiff.GetR(p) * 299) + (Tiff.GetG(p) * 587) + (Tiff.GetB(p) * 114)) / 1000);
        }

        return new GrayImage(width, height, gray);
    }

    private static void CheckSize(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ExtractionException("The image has no pixels (damaged header).");
        }

        if ((long)width * height > MaxDecodedPixels)
        {
            throw new ExtractionException($"The image is {width} × {height} pixels, more than the {MaxDecodedPixels / 1_000_000} million read here.");
        }
    }

    private static bool IsTiff(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return FormatDetector.ImageKind(head[..read]) == "tiff";
    }

    private static Tiff OpenTiff(string path)
    {
        Tiff.SetErrorHandler(QuietTiffErrors.Instance);
        return Tiff.Open(path, "r") ?? throw new ExtractionException("The TIFF image could not be opened (damaged).");
    }

    /// <summary>LibTiff writes its errors and warnings to the console unless told otherwise; they are thrown instead.</summary>
    private sealed class QuietTiffErrors : TiffErrorHandler
    {
        public static readonly QuietTiffErrors Instance = new();

        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
            // The failing call returns false or null, which the caller turns into its own reason.
        }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
            // Unknown tags and the like: not worth a word.
        }
    }
}
