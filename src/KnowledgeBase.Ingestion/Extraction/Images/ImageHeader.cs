using System.Buffers.Binary;

namespace KnowledgeBase.Ingestion.Extraction.Images;

/// <summary>The size, channels and bit depth a PNG (IHDR) or JPEG (its SOF segment) declares, read without decoding. Immutable.</summary>
internal sealed record ImageHeader(int Width, int Height, int Components, int Bits)
{
    /// <summary>The header of <paramref name="bytes"/>, or null when it is neither a PNG nor a JPEG with a readable header.</summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> bytes) => FormatDetector.ImageKind(bytes) switch
    {
        "png" => Png(bytes),
        "jpeg" => Jpeg(bytes),
        _ => null,
    };

    private static ImageHeader? Png(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 26 || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        if (width > int.MaxValue || height > int.MaxValue)
        {
            return null;
        }

        // Colour types: 0 gray, 2 RGB, 3 palette (expanded to RGB when decoded), 4 gray and alpha, 6 RGBA.
        var components = bytes[25] switch { 0 => 1, 2 or 3 => 3, 4 => 2, _ => 4 };
        return new ImageHeader((int)width, (int)height, components, Math.Max(8, (int)bytes[24]));
    }

    private static ImageHeader? Jpeg(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 4 <= bytes.Length && bytes[at] == 0xFF)
        {
            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame && at + 10 <= bytes.Length)
            {
                return new ImageHeader(BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..]), Math.Max(1, (int)bytes[at + 9]), Math.Max(8, (int)bytes[at + 4]));
            }

            if (marker == 0xDA || length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }
}
