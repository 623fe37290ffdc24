using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// Turns a stream of normalized syllables into folded pairs of neighbours, <c>cai cach</c>,
/// <c>cach hanh</c>…, one term each: an index-time word and proximity signal, since most Vietnamese words
/// are two or more syllables. Whole codes are skipped (their parts pair up); no pair spans punctuation
/// (<see cref="VietnameseTokenizer.BreakBeforeFlag"/>). A pair with a đ is also stacked with its đ kept
/// (<c>dat dai</c> and <c>đat đai</c>), as <see cref="VietnameseFoldingFilter"/> does for syllables.
/// </summary>
public sealed class SyllableBigramFilter : TokenFilter
{
    /// <summary>Separates the two syllables of a pair term.</summary>
    public const char Separator = ' ';

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;
    private readonly IFlagsAttribute _flags;
    private string? _previous;
    private string? _previousStroke;
    private int _previousStart;
    private string? _pendingStacked;

    public SyllableBigramFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _flags = AddAttribute<IFlagsAttribute>();
    }

    /// <summary>Whether pairs stop at punctuation (a switch for measurement; on in production).</summary>
    public static bool BreakAtPunctuation { get; set; } = true;

    /// <summary>The pair term of two normalized syllables, as the index holds it (đ kept when <paramref name="keepDStroke"/>).</summary>
    public static string Pair(string first, string second, bool keepDStroke = false) =>
        keepDStroke
            ? VietnameseText.FoldKeepingDStroke(first) + Separator + VietnameseText.FoldKeepingDStroke(second)
            : VietnameseText.Fold(first) + Separator + VietnameseText.Fold(second);

    public override bool IncrementToken()
    {
        if (_pendingStacked is not null)
        {
            // Same offsets and type as the pair just emitted, at the same position.
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

            var token = _term.ToString();
            var folded = VietnameseText.Fold(token);
            var stroke = VietnameseText.HasDStroke(token) ? VietnameseText.FoldKeepingDStroke(token) : null;
            var start = _offset.StartOffset;
            var joined = _previous is not null && (!BreakAtPunctuation || (_flags.Flags & VietnameseTokenizer.BreakBeforeFlag) == 0);
            if (joined)
            {
                _term.SetEmpty().Append(_previous).Append(Separator).Append(folded);
                _offset.SetOffset(_previousStart, _offset.EndOffset);
                _positionIncrement.PositionIncrement = 1;
                if (_previousStroke is not null || stroke is not null)
                {
                    _pendingStacked = string.Concat(_previousStroke ?? _previous, Separator.ToString(), stroke ?? folded);
                }
            }

            _previous = folded;
            _previousStroke = stroke;
            _previousStart = start;
            if (joined)
            {
                return true;
            }
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _previous = null;
        _previousStroke = null;
        _pendingStacked = null;
    }
}
