using BitMiracle.LibTiff.Classic;

namespace KnowledgeBase.Ingestion.Extraction.Images;

/// <summary>
/// The rows of a TIFF page in strips, read one scanline at a time (libtiff decodes compressed strips row by row)
/// and turned to gray: 1-bit black-and-white (faxes, CCITT G3/G4), 8- and 16-bit gray, RGB (with or without
/// alpha) and 8-bit palette samples, interleaved. Other forms (tiles, separate planes, YCbCr, CMYK) are left to
/// the whole-page RGBA reader. Not thread-safe (one per page).
/// </summary>
internal sealed class TiffRows
{
    private readonly Tiff _tiff;
    private readonly int _width;
    private readonly byte[] _scanline;
    private readonly Photometric _photometric;
    private readonly int _bits;
    private readonly int _samples;
    private readonly byte[]? _palette;

    public TiffRows(Tiff tiff, int width)
    {
        _tiff = tiff;
        _width = width;
        _scanline = new byte[Math.Max(tiff.ScanlineSize(), ((width * Samples(tiff) * Bits(tiff)) + 7) / 8)];
        _photometric = (Photometric)(tiff.GetField(TiffTag.PHOTOMETRIC)?[0].ToInt() ?? (int)Photometric.MINISWHITE);
        _bits = Bits(tiff);
        _samples = Samples(tiff);
        if (_photometric == Photometric.PALETTE && tiff.GetField(TiffTag.COLORMAP) is { } map)
        {
            var (red, green, blue) = (map[0].ToShortArray(), map[1].ToShortArray(), map[2].ToShortArray());
            _palette = new byte[256];
            for (var i = 0; i < Math.Min(256, red.Length); i++)
            {
                _palette[i] = Gray((ushort)red[i] >> 8, (ushort)green[i] >> 8, (ushort)blue[i] >> 8);
            }
        }
    }

    /// <summary>Whether the current page can be read row by row here.</summary>
    public static bool CanRead(Tiff tiff)
    {
        if (tiff.IsTiled())
        {
            return false;
        }

        var samples = Samples(tiff);
        var planar = tiff.GetField(TiffTag.PLANARCONFIG)?[0].ToInt() ?? (int)PlanarConfig.CONTIG;
        if (samples > 1 && planar != (int)PlanarConfig.CONTIG)
        {
            return false;
        }

        var photometric = (Photometric)(tiff.GetField(TiffTag.PHOTOMETRIC)?[0].ToInt() ?? -1);
        return (photometric, Bits(tiff), samples) switch
        {
            (Photometric.MINISWHITE or Photometric.MINISBLACK, 1, 1) => true,
            (Photometric.MINISWHITE or Photometric.MINISBLACK, 8 or 16, >= 1) => true,
            (Photometric.RGB, 8 or 16, >= 3) => true,
            (Photometric.PALETTE, 8, 1) => tiff.GetField(TiffTag.COLORMAP) is not null,
            _ => false,
        };
    }

    /// <summary>Row <paramref name="row"/> (read in order, top to bottom) as gray bytes; false when it cannot be decoded.</summary>
    public bool Read(int row, Span<byte> gray)
    {
        if (!_tiff.ReadScanline(_scanline, row))
        {
            return false;
        }

        var line = _scanline.AsSpan();
        switch (_photometric)
        {
            case Photometric.MINISWHITE or Photometric.MINISBLACK when _bits == 1:
                var zero = _photometric == Photometric.MINISWHITE ? (byte)255 : (byte)0;
                for (var x = 0; x < _width; x++)
                {
                    var set = (line[x >> 3] & (0x80 >> (x & 7))) != 0;
                    gray[x] = set ? (byte)(255 - zero) : zero;
                }

                break;
            case Photometric.MINISWHITE or Photometric.MINISBLACK:
                for (var x = 0; x < _width; x++)
                {
                    var value = Sample(line, x * _samples);
                    gray[x] = _photometric == Photometric.MINISWHITE ? (byte)(255 - value) : (byte)value;
                }

                break;
            case Photometric.RGB:
                for (var x = 0; x < _width; x++)
                {
                    var at = x * _samples;
                    gray[x] = Gray(Sample(line, at), Sample(line, at + 1), Sample(line, at + 2));
                }

                break;
            default:
                for (var x = 0; x < _width; x++)
                {
                    gray[x] = _palette![line[x]];
                }

                break;
        }

        return true;
    }

    // The sample's high byte (16-bit samples are in the machine's order once libtiff has read them).
    private int Sample(ReadOnlySpan<byte> line, int index) =>
        _bits == 8 ? line[index] : BitConverter.ToUInt16(line.Slice(index * 2, 2)) >> 8;

    private static byte Gray(int red, int green, int blue) => (byte)(((red * 299) + (green * 587) + (blue * 114)) / 1000);

    private static int Bits(Tiff tiff) => tiff.GetField(TiffTag.BITSPERSAMPLE)?[0].ToInt() ?? 1;

    private static int Samples(Tiff tiff) => tiff.GetField(TiffTag.SAMPLESPERPIXEL)?[0].ToInt() ?? 1;
}
