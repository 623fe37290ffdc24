using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// Turns a stream of normalized syllables into folded runs of <see cref="Size"/> neighbours (pairs:
/// <c>cai cach</c>, <c>cach hanh</c>…; triples: <c>cai cach hanh</c>…), one term each: an index-time
/// word and proximity signal, since most Vietnamese words are two or more syllables. Whole codes are
/// skipped (their parts join up); no run spans punctuation (<see cref="VietnameseTokenizer.BreakBeforeFlag"/>).
/// A run with a đ is also stacked with its đ kept (<c>dat dai</c> and <c>đat đai</c>), as
/// <see cref="VietnameseFoldingFilter"/> does for syllables.
/// </summary>
public sealed class SyllableShingleFilter : TokenFilter
{
    /// <summary>Separates the syllables of a run term.</summary>
    public const char Separator = ' ';

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;
    private readonly IFlagsAttribute _flags;
    private readonly string[] _folded;
    private readonly string?[] _stroke;
    private readonly int[] _starts;
    private int _count;
    private string? _pendingStacked;

    public SyllableShingleFilter(TokenStream input, int size)
        : base(input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        Size = size;
        _folded = new string[size];
        _stroke = new string?[size];
        _starts = new int[size];
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _flags = AddAttribute<IFlagsAttribute>();
    }

    public int Size { get; }

    /// <summary>The run term of normalized syllables, as the index holds it (đ kept when <paramref name="keepDStroke"/>).</summary>
    public static string Shingle(IEnumerable<string> syllables, bool keepDStroke = false)
    {
        ArgumentNullException.ThrowIfNull(syllables);
        return string.Join(Separator, syllables.Select(s => keepDStroke ? VietnameseText.FoldKeepingDStroke(s) : VietnameseText.Fold(s)));
    }

    public override bool IncrementToken()
    {
        if (_pendingStacked is not null)
        {
            // Same offsets and type as the run just emitted, at the same position.
            _term.SetEmpty().Append(_pendingStacked);
            _positionIncrement.PositionIncrement = 0;
            _pendingStacked = null;
            return true;
        }

        while (m_input.IncrementToken())
        {
            if (string.Equals(_type.Type, VietnameseTokenizer.CodeType, StringComparison.Ordinal))
            {
                continue;
            }

            if ((_flags.Flags & VietnameseTokenizer.BreakBeforeFlag) != 0)
            {
                _count = 0;
            }

            var token = _term.ToString();
            if (_count == Size)
            {
                Array.Copy(_folded, 1, _folded, 0, Size - 1);
                Array.Copy(_stroke, 1, _stroke, 0, Size - 1);
                Array.Copy(_starts, 1, _starts, 0, Size - 1);
                _count--;
            }

            _folded[_count] = VietnameseText.Fold(token);
            _stroke[_count] = VietnameseText.HasDStroke(token) ? VietnameseText.FoldKeepingDStroke(token) : null;
            _starts[_count] = _offset.StartOffset;
            _count++;
            if (_count < Size)
            {
                continue;
            }

            _term.SetEmpty();
            var stroke = false;
            for (var i = 0; i < Size; i++)
            {
                if (i > 0)
                {
                    _term.Append(Separator);
                }

                _term.Append(_folded[i]);
                stroke |= _stroke[i] is not null;
            }

            if (stroke)
            {
                _pendingStacked = string.Join(Separator, Enumerable.Range(0, Size).Select(i => _stroke[i] ?? _folded[i]));
            }

            _offset.SetOffset(_starts[0], _offset.EndOffset);
            _positionIncrement.PositionIncrement = 1;
            return true;
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _count = 0;
        _pendingStacked = null;
    }
}
