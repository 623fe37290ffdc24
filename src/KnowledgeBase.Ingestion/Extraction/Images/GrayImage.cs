using System.Globalization;
using System.Text;

namespace KnowledgeBase.Ingestion.Extraction.Images;

/// <summary>An 8-bit gray image, shrunk by area averaging and written as a PGM file Tesseract reads. Immutable.</summary>
internal sealed class GrayImage(int width, int height, byte[] pixels)
{
    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>Rows top to bottom, one byte per pixel.</summary>
    public byte[] Pixels { get; } = pixels;

    /// <summary>This image shrunk by <paramref name="scale"/> (at most 1; 1 is this image), each new pixel the mean of the ones it covers.</summary>
    public GrayImage Scaled(double scale)
    {
        if (scale >= 1)
        {
            return this;
        }

        var width = Math.Max(1, (int)(Width * scale));
        var height = Math.Max(1, (int)(Height * scale));
        var sums = new long[width];
        var counts = new int[width];
        var result = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            var fromY = (int)((long)y * Height / height);
            var toY = Math.Max(fromY + 1, (int)((long)(y + 1) * Height / height));
            for (var sy = fromY; sy < toY; sy++)
            {
                var row = sy * Width;
                for (var sx = 0; sx < Width; sx++)
                {
                    var x = (int)((long)sx * width / Width);
                    sums[x] += Pixels[row + sx];
                    counts[x]++;
                }
            }

            for (var x = 0; x < width; x++)
            {
                result[(y * width) + x] = (byte)(sums[x] / Math.Max(1, counts[x]));
            }
        }

        return new GrayImage(width, height, result);
    }

    /// <summary>
    /// This image turned upright for an EXIF/TIFF orientation (1–8; anything else is 1): 2 mirrored, 3 turned
    /// 180°, 4 flipped, 5 transposed, 6 turned 90° clockwise, 7 transversed, 8 turned 90° counter-clockwise.
    /// </summary>
    public GrayImage Oriented(int orientation)
    {
        if (orientation is < 2 or > 8)
        {
            return this;
        }

        var swap = orientation >= 5;
        var (width, height) = swap ? (Height, Width) : (Width, Height);
        var result = new byte[Pixels.Length];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (toX, toY) = orientation switch
                {
                    2 => (Width - 1 - x, y),
                    3 => (Width - 1 - x, Height - 1 - y),
                    4 => (x, Height - 1 - y),
                    5 => (y, x),
                    6 => (Height - 1 - y, x),
                    7 => (Height - 1 - y, Width - 1 - x),
                    _ => (y, Width - 1 - x),
                };
                result[(toY * width) + toX] = Pixels[(y * Width) + x];
            }
        }

        return new GrayImage(width, height, result);
    }

    public void WritePgm(string path)
    {
        using var stream = File.Create(path);
        stream.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"P5\n{Width} {Height}\n255\n")));
        stream.Write(Pixels);
    }
}
