using System.Globalization;
using BitMiracle.LibTiff.Classic;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction.Ocr;
using StbImageSharp;

namespace KnowledgeBase.Ingestion.Extraction.Images;

/// <summary>
/// The frames of an image file as gray pixels, shrunk to <see cref="OcrResolution"/>'s caps and turned upright
/// (the EXIF Orientation of a JPEG, the Orientation tag of a TIFF page). A PNG or JPEG (StbImageSharp) is one
/// frame, decoded whole: one larger than <see cref="OcrResolution.MaxDecodedPixels"/> (or whose decoding would
/// need more than <see cref="OcrResolution.MaxDecodedBytes"/>) is refused from its header, before any pixel is
/// decoded. A TIFF (LibTiff.NET) has one frame per directory (page); a page in strips of 1-, 8- or 16-bit gray,
/// RGB or palette samples (scanners' and faxes' kinds) is read row by row into the shrunk image, so its memory
/// does not grow with its size (up to <see cref="OcrResolution.MaxStreamedPixels"/>); other pages are decoded
/// whole, under the same cap as PNG. Stateless and thread-safe.
/// </summary>
internal static class ImageFrames
{
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

    /// <summary>Frame <paramref name="index"/> (0-based) decoded to gray, shrunk to the OCR caps and upright.</summary>
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
        var jpeg = FormatDetector.ImageKind(bytes) == "jpeg";

        // The size from the header first: StbImageSharp gives no size at all for an image it will not decode.
        var header = ImageHeader.Read(bytes) ?? throw new ExtractionException("The image could not be decoded (damaged or not a PNG/JPEG).");
        CheckWhole(header.Width, header.Height, header.Components, header.Bits, jpeg ? "JPEG" : "PNG");
        _ = ImageInfo.FromStream(new MemoryStream(bytes)) ?? throw new ExtractionException("The image could not be decoded (damaged or not a PNG/JPEG).");
        var image = ImageResult.FromMemory(bytes, ColorComponents.Grey);
        var gray = new GrayImage(image.Width, image.Height, image.Data);
        return gray.Scaled(OcrResolution.ImageScale(gray.Width, gray.Height)).Oriented(jpeg ? ExifOrientation.FromJpeg(bytes) : 1);
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
        var orientation = tiff.GetField(TiffTag.ORIENTATION)?[0].ToInt() ?? 1;
        orientation = orientation is >= 1 and <= 8 ? orientation : 1;
        if (width <= 0 || height <= 0)
        {
            throw new ExtractionException("The image has no pixels (damaged header).");
        }

        var gray = TiffRows.CanRead(tiff) ? ReadTiffRows(tiff, index, width, height) : ReadTiffWhole(tiff, index, width, height, orientation);
        return gray.Oriented(orientation);
    }

    private static GrayImage ReadTiffRows(Tiff tiff, int index, int width, int height)
    {
        if ((long)width * height > OcrResolution.MaxStreamedPixels)
        {
            throw TooLarge(width, height, OcrResolution.MaxStreamedPixels, "TIFF page");
        }

        var rows = new TiffRows(tiff, width);
        var shrinker = new GrayShrinker(width, height, OcrResolution.ImageScale(width, height));
        var gray = new byte[width];
        for (var row = 0; row < height; row++)
        {
            if (!rows.Read(row, gray))
            {
                throw new ExtractionException($"Page {index + 1} of the TIFF image could not be decoded (damaged at row {row + 1}).");
            }

            shrinker.Add(gray);
        }

        return shrinker.Result();
    }

    private static GrayImage ReadTiffWhole(Tiff tiff, int index, int width, int height, int orientation)
    {
        // An RGBA raster and its gray copy: 5 bytes a pixel.
        CheckWhole(width, height, 2, 8, "TIFF page in this form");
        var raster = new int[width * height];

        // Asking for the file's own orientation keeps the rows as stored; Oriented turns them afterwards.
        if (!tiff.ReadRGBAImageOriented(width, height, raster, (Orientation)orientation))
        {
            throw new ExtractionException($"Page {index + 1} of the TIFF image could not be decoded (damaged or an unsupported compression).");
        }

        var gray = new byte[raster.Length];
        for (var i = 0; i < raster.Length; i++)
        {
            var p = raster[i];
            gray[i] = (byte)(((Tiff.GetR(p) * 299) + (Tiff.GetG(p) * 587) + (Tiff.GetB(p) * 114)) / 1000);
        }

        return new GrayImage(width, height, gray).Scaled(OcrResolution.ImageScale(width, height));
    }

    /// <summary>Refuses, before decoding, an image whose whole decode would pass the pixel or memory cap.</summary>
    private static void CheckWhole(int width, int height, int components, int bitsPerChannel, string kind)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ExtractionException("The image has no pixels (damaged header).");
        }

        // The decoder's buffer at the file's depth plus its conversion to gray.
        var bytesPerPixel = (2 * components * bitsPerChannel / 8) + 1;
        var limit = Math.Min(OcrResolution.MaxDecodedPixels, OcrResolution.MaxDecodedBytes / bytesPerPixel);
        if ((long)width * height > limit)
        {
            throw TooLarge(width, height, limit, kind);
        }
    }

    private static ExtractionException TooLarge(int width, int height, long limit, string kind) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"The image is {width:N0} × {height:N0} pixels ({(long)width * height / 1_000_000:N0} million), larger than the limit of {limit / 1_000_000:N0} million pixels for a {kind} read here; save it at a lower resolution (300 dpi is enough for text) or as a TIFF in strips, which is read row by row."));

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
