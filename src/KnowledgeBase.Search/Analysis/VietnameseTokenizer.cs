using KnowledgeBase.Vietnamese.Tokens;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// Lucene adapter over <see cref="TextTokenizer"/>: syllables, numbers and codes with the original
/// offsets. A code comes whole, then its parts, the first part at the whole's position (so the length of
/// the field counts the parts once). The type attribute says the <see cref="TokenKind"/>; flag
/// <see cref="BreakBeforeFlag"/> marks punctuation before a token.
/// </summary>
public sealed class VietnameseTokenizer : Tokenizer
{
    public const int BreakBeforeFlag = 1;
    public const string WordType = "<WORD>";
    public const string NumberType = "<NUM>";
    public const string CodeType = "<CODE>";
    public const string CodePartType = "<CODEPART>";

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;
    private readonly IFlagsAttribute _flags;
    private readonly List<TextToken> _tokens = [];
    private char[] _chars = [];
    private int _length;
    private int _next;

    public VietnameseTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _flags = AddAttribute<IFlagsAttribute>();
    }

    public static string TypeOf(TokenKind kind) => kind switch
    {
        TokenKind.Number => NumberType,
        TokenKind.Code => CodeType,
        TokenKind.CodePart => CodePartType,
        _ => WordType,
    };

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (_next >= _tokens.Count)
        {
            return false;
        }

        var token = _tokens[_next];
        var previous = _next > 0 ? _tokens[_next - 1] : default;
        _next++;
        _term.CopyBuffer(_chars, token.Start, token.Length);
        _offset.SetOffset(CorrectOffset(token.Start), CorrectOffset(token.End));
        var stacked = token.Kind == TokenKind.CodePart && _next > 1 && previous.Kind == TokenKind.Code;
        _positionIncrement.PositionIncrement = stacked ? 0 : 1;
        _type.Type = TypeOf(token.Kind);
        _flags.Flags = token.BreakBefore ? BreakBeforeFlag : 0;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        // Lucene's reusable string reader answers null, not "", for an empty field value.
        var text = m_input.ReadToEnd() ?? string.Empty;
        _length = text.Length;
        if (_chars.Length < _length)
        {
            _chars = new char[Math.Max(_length, _chars.Length * 2)];
        }

        text.CopyTo(0, _chars, 0, _length);
        _tokens.Clear();
        TextTokenizer.Tokenize(text, _tokens);
        _next = 0;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }
}
