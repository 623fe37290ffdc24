namespace KnowledgeBase.Ingestion.Extraction.Images;

/// <summary>
/// Shrinks an image given row by row, top to bottom, by area averaging (as <see cref="GrayImage.Scaled"/>), holding
/// only the result and one row of sums: a page of any height is read in the memory of the image OCR gets. Not
/// thread-safe (one per image).
/// </summary>
internal sealed class GrayShrinker
{
    private readonly int _sourceWidth;
    private readonly int _sourceHeight;
    private readonly int _width;
    private readonly int _height;
    private readonly int[] _column;
    private readonly long[] _sums;
    private readonly int[] _counts;
    private readonly byte[] _result;
    private int _row;
    private int _outputRow;

    /// <summary>A shrinker for a <paramref name="sourceWidth"/> × <paramref name="sourceHeight"/> image by <paramref name="scale"/> (at most 1; the result is <c>max(1, ⌊width × scale⌋)</c> wide, as <see cref="GrayImage.Scaled"/>).</summary>
    public GrayShrinker(int sourceWidth, int sourceHeight, double scale)
    {
        scale = Math.Min(1, scale);
        _sourceWidth = sourceWidth;
        _sourceHeight = sourceHeight;
        _width = Math.Max(1, (int)(sourceWidth * scale));
        _height = Math.Max(1, (int)(sourceHeight * scale));
        _column = new int[sourceWidth];
        for (var x = 0; x < sourceWidth; x++)
        {
            _column[x] = (int)((long)x * _width / sourceWidth);
        }

        _sums = new long[_width];
        _counts = new int[_width];
        _result = new byte[_width * _height];
    }

    /// <summary>The next source row, <c>sourceWidth</c> gray bytes.</summary>
    public void Add(ReadOnlySpan<byte> row)
    {
        var target = (int)((long)_row * _height / _sourceHeight);
        if (target != _outputRow)
        {
            Flush();
            _outputRow = target;
        }

        for (var x = 0; x < _sourceWidth; x++)
        {
            var column = _column[x];
            _sums[column] += row[x];
            _counts[column]++;
        }

        _row++;
    }

    /// <summary>The shrunk image, once every source row has been added.</summary>
    public GrayImage Result()
    {
        Flush();
        return new GrayImage(_width, _height, _result);
    }

    private void Flush()
    {
        var offset = _outputRow * _width;
        for (var x = 0; x < _width; x++)
        {
            _result[offset + x] = _counts[x] == 0 ? (byte)255 : (byte)(_sums[x] / _counts[x]);
        }

        Array.Clear(_sums);
        Array.Clear(_counts);
    }
}
