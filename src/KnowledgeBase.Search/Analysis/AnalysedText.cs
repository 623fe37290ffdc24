using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// A text tokenized and normalized once, kept as a list of its tokens (the term forms, offsets and whether a token
/// is stacked on the one before): what <see cref="AnalysedTextReplay"/> replays to the exact, folded and paired
/// fields. The same tokens the per-field analyzers of <see cref="IndexAnalyzers"/> make from the text three times
/// (<see cref="VietnameseTokenizer"/>, <see cref="VietnameseNormalizationFilter"/>, <see cref="VietnameseFoldingFilter"/>
/// with đ stacked, <see cref="SyllableShingleFilter"/> of 2), without their per-token strings and attribute copies:
/// a syllable's forms (exact, folded, folded keeping đ) are computed once per thread and shared by every occurrence
/// (docs/performance.md, "Issue 11: indexing CPU"). Immutable once made: a document's title is analysed once and
/// replayed for each of its passages.
/// </summary>
public sealed class AnalysedText
{
    /// <summary>Distinct raw tokens whose forms a thread keeps before starting afresh (a few MB at most).</summary>
    private const int MaxCachedForms = 200_000;

    [ThreadStatic]
    private static FormsCache? _cache;

    [ThreadStatic]
    private static List<TextToken>? _scratch;

    private AnalysedText(Token[] tokens, int count, int length)
    {
        Tokens = tokens;
        Count = count;
        Length = length;
    }

    /// <summary>The text's tokens in order (the first <see cref="Count"/>).</summary>
    internal Token[] Tokens { get; }

    internal int Count { get; }

    /// <summary>The text's length: the final offset.</summary>
    internal int Length { get; }

    public static AnalysedText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = _scratch ??= [];
        raw.Clear();
        TextTokenizer.Tokenize(text, raw);
        var cache = _cache ??= new FormsCache();
        var tokens = raw.Count == 0 ? [] : new Token[raw.Count];
        for (var i = 0; i < raw.Count; i++)
        {
            var token = raw[i];
            // As VietnameseTokenizer: the first part of a whole code sits at the code's position.
            var stacked = token.Kind == TokenKind.CodePart && i > 0 && raw[i - 1].Kind == TokenKind.Code;
            tokens[i] = new Token(cache.FormsOf(text.AsSpan(token.Start, token.Length)), token.Start, token.End, stacked, token.Kind == TokenKind.Code, token.BreakBefore);
        }

        return new AnalysedText(tokens, raw.Count, text.Length);
    }

    /// <summary>One token: its forms, offsets in the original text, and what the pair field needs.</summary>
    internal readonly record struct Token(TermForms Forms, int Start, int End, bool Stacked, bool Code, bool BreakBefore);

    /// <summary>
    /// The forms of one raw token: <see cref="Exact"/> as <see cref="VietnameseNormalizationFilter"/> makes it,
    /// <see cref="Folded"/> as <see cref="VietnameseFoldingFilter"/> and <see cref="SyllableShingleFilter"/> fold it,
    /// <see cref="Stroke"/> folded keeping đ when the exact form has a đ (else null).
    /// </summary>
    internal sealed record TermForms(string Exact, string Folded, string? Stroke)
    {
        public static TermForms Of(ReadOnlySpan<char> raw)
        {
            string exact;
            if (!HasNonAscii(raw))
            {
                // VietnameseNormalizationFilter lower-cases ASCII tokens char by char.
                exact = string.Create(raw.Length, raw, static (chars, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        chars[i] = char.ToLowerInvariant(source[i]);
                    }
                });
                return new TermForms(exact, exact, null);
            }

            exact = VietnameseText.NormalizeTerm(raw.ToString());
            if (!HasNonAscii(exact))
            {
                return new TermForms(exact, exact, null);
            }

            var stroke = VietnameseText.HasDStroke(exact) ? VietnameseText.FoldKeepingDStroke(exact) : null;
            return new TermForms(exact, VietnameseText.Fold(exact), stroke);
        }

        private static bool HasNonAscii(ReadOnlySpan<char> chars)
        {
            foreach (var c in chars)
            {
                if (c > '\u007F')
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Raw token → its forms, per thread; looked up by the token's characters, no string made for a known one.</summary>
    private sealed class FormsCache
    {
        private readonly Dictionary<string, TermForms> _forms = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TermForms>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

        public FormsCache()
        {
            _bySpan = _forms.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public TermForms FormsOf(ReadOnlySpan<char> raw)
        {
            if (_bySpan.TryGetValue(raw, out var forms))
            {
                return forms;
            }

            if (_forms.Count >= MaxCachedForms)
            {
                _forms.Clear();
            }

            forms = TermForms.Of(raw);
            _bySpan[raw] = forms;
            return forms;
        }
    }
}
