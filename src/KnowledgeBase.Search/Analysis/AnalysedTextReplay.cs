using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// Replays an <see cref="AnalysedText"/> as one field's tokens: exact syllables, folded syllables (đ stacked), or
/// folded pairs (đ stacked) — term, position increment and offsets only, which is all the index writer reads. Can be
/// pointed at another text and consumed again (<see cref="SetText"/>): one stream per field and thread serves every
/// passage. Not thread-safe.
/// </summary>
public sealed class AnalysedTextReplay : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly IOffsetAttribute _offset;
    private AnalysedText? _text;
    private int _next;
    private string? _pending;

    // Pairs: the syllable before the current one, if it may start a pair.
    private AnalysedText.TermForms? _previous;
    private int _previousStart;

    public AnalysedTextReplay(VietnameseAnalysis analysis)
    {
        Analysis = analysis;
        _term = AddAttribute<ICharTermAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
    }

    public AnalysedTextReplay(VietnameseAnalysis analysis, AnalysedText text)
        : this(analysis)
    {
        SetText(text);
    }

    public VietnameseAnalysis Analysis { get; }

    /// <summary>The text the next consumption replays.</summary>
    public AnalysedTextReplay SetText(AnalysedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
        _next = 0;
        _pending = null;
        _previous = null;
        return this;
    }

    public override bool IncrementToken()
    {
        var text = _text ?? throw new InvalidOperationException("No text to replay.");
        if (_pending is not null)
        {
            // The đ form at the position, offsets and type of the token just emitted.
            SetTerm(_pending);
            _positionIncrement.PositionIncrement = 0;
            _pending = null;
            return true;
        }

        return Analysis switch
        {
            VietnameseAnalysis.Exact => NextSyllable(text, folded: false),
            VietnameseAnalysis.Folded => NextSyllable(text, folded: true),
            _ => NextPair(text),
        };
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
        _pending = null;
        _previous = null;
    }

    public override void End()
    {
        base.End();
        var final = _text?.Length ?? 0;
        _offset.SetOffset(final, final);
        _positionIncrement.PositionIncrement = 0;
    }

    private bool NextSyllable(AnalysedText text, bool folded)
    {
        if (_next >= text.Count)
        {
            return false;
        }

        var token = text.Tokens[_next++];
        var forms = token.Forms;
        SetTerm(folded ? forms.Folded : forms.Exact);
        _positionIncrement.PositionIncrement = token.Stacked ? 0 : 1;
        _offset.SetOffset(token.Start, token.End);
        if (folded)
        {
            _pending = forms.Stroke;
        }

        return true;
    }

    /// <summary>As <see cref="SyllableShingleFilter"/> of 2: whole codes skipped, no pair across punctuation.</summary>
    private bool NextPair(AnalysedText text)
    {
        while (_next < text.Count)
        {
            var token = text.Tokens[_next++];
            if (token.Code)
            {
                continue;
            }

            if (token.BreakBefore)
            {
                _previous = null;
            }

            var first = _previous;
            var firstStart = _previousStart;
            _previous = token.Forms;
            _previousStart = token.Start;
            if (first is null)
            {
                continue;
            }

            var second = token.Forms;
            SetPair(first.Folded, second.Folded);
            if (first.Stroke is not null || second.Stroke is not null)
            {
                _pending = string.Concat(first.Stroke ?? first.Folded, " ", second.Stroke ?? second.Folded);
            }

            _positionIncrement.PositionIncrement = 1;
            _offset.SetOffset(firstStart, token.End);
            return true;
        }

        return false;
    }

    private void SetTerm(string term)
    {
        var buffer = _term.ResizeBuffer(term.Length);
        term.CopyTo(0, buffer, 0, term.Length);
        _term.Length = term.Length;
    }

    private void SetPair(string first, string second)
    {
        var length = first.Length + 1 + second.Length;
        var buffer = _term.ResizeBuffer(length);
        first.CopyTo(0, buffer, 0, first.Length);
        buffer[first.Length] = SyllableShingleFilter.Separator;
        second.CopyTo(0, buffer, first.Length + 1, second.Length);
        _term.Length = length;
    }
}
