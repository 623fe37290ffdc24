using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// Removes diacritics from each token, đ → d (a thin adapter over <see cref="VietnameseText.Fold"/>).
/// With <c>stackDStroke</c>, a token that had a đ is also emitted at the same position with its đ kept
/// (<c>đất</c> → <c>dat</c> and <c>đat</c>), so that a query typed with đ can insist on it while one typed
/// with d matches both; the field length counts the token once.
/// </summary>
public sealed class VietnameseFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly bool _stackDStroke;
    private State? _pendingState;
    private string? _pendingTerm;

    public VietnameseFoldingFilter(TokenStream input, bool stackDStroke = false)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _stackDStroke = stackDStroke;
    }

    public override bool IncrementToken()
    {
        if (_pendingTerm is not null)
        {
            RestoreState(_pendingState);
            _term.SetEmpty().Append(_pendingTerm);
            _positionIncrement.PositionIncrement = 0;
            _pendingTerm = null;
            _pendingState = null;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!HasNonAscii(_term.Buffer, _term.Length))
        {
            return true;
        }

        var token = _term.ToString();
        if (_stackDStroke && VietnameseText.HasDStroke(token))
        {
            _pendingState = CaptureState();
            _pendingTerm = VietnameseText.FoldKeepingDStroke(token);
        }

        _term.SetEmpty().Append(VietnameseText.Fold(token));
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pendingState = null;
        _pendingTerm = null;
    }

    private static bool HasNonAscii(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] > '\u007F')
            {
                return true;
            }
        }

        return false;
    }
}
