using System.Globalization;

namespace KnowledgeBase.Vietnamese.Tokens;

/// <summary>
/// Splits text into syllables, numbers and codes. Letters and combining marks form words (NFD text stays
/// whole); <c>/ - _ .</c> between letters or digits join a code, emitted whole and then part by part
/// (<c>30c/NQ-CP</c> → <c>30c/NQ-CP</c>, <c>30c</c>, <c>NQ</c>, <c>CP</c>); digits joined only by
/// <c>.</c> or <c>,</c> are one number. Stateless and thread-safe.
/// </summary>
public static class TextTokenizer
{
    /// <summary>Longer runs (hashes, base64, glued garbage) are not words anyone searches for; they are skipped.</summary>
    public const int MaxTokenLength = 64;

    public static IReadOnlyList<TextToken> Tokenize(string text)
    {
        var tokens = new List<TextToken>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/> (a list the caller may reuse).</summary>
    public static void Tokenize(string text, List<TextToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var i = 0;
        var breakPending = false;
        Span<int> partStarts = stackalloc int[MaxTokenLength];
        Span<int> partEnds = stackalloc int[MaxTokenLength];
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWordChar(c))
            {
                breakPending |= IsBreak(text, i);
                i++;
                continue;
            }

            var start = i;
            var parts = 0;
            var allDigits = true;
            var onlyNumberJoiners = true;
            var tooManyParts = false;
            while (true)
            {
                var partStart = i;
                while (i < text.Length && IsWordChar(text[i]))
                {
                    allDigits &= char.IsAsciiDigit(text[i]);
                    i++;
                }

                if (parts < partStarts.Length)
                {
                    partStarts[parts] = partStart;
                    partEnds[parts] = i;
                    parts++;
                }
                else
                {
                    tooManyParts = true;
                }

                if (i + 1 < text.Length && IsJoiner(text, i) && IsWordChar(text[i + 1]))
                {
                    onlyNumberJoiners &= text[i] is '.' or ',';
                    i++;
                    continue;
                }

                break;
            }

            var length = i - start;
            if (parts == 1 || (allDigits && onlyNumberJoiners))
            {
                if (length <= MaxTokenLength)
                {
                    tokens.Add(new TextToken(start, length, allDigits ? TokenKind.Number : TokenKind.Word, breakPending && tokens.Count > 0));
                }
            }
            else
            {
                var whole = length <= MaxTokenLength && !tooManyParts;
                var breakBefore = breakPending && tokens.Count > 0;
                if (whole)
                {
                    tokens.Add(new TextToken(start, length, TokenKind.Code, breakBefore));
                }

                for (var p = 0; p < parts; p++)
                {
                    var partLength = partEnds[p] - partStarts[p];
                    if (partLength <= MaxTokenLength)
                    {
                        var kind = whole ? TokenKind.CodePart : KindOf(text.AsSpan(partStarts[p], partLength));
                        // The first part repeats the code's break, for readers that skip whole codes (word pairs).
                        tokens.Add(new TextToken(partStarts[p], partLength, kind, p == 0 && breakBefore));
                    }
                }
            }

            breakPending = false;
        }
    }

    /// <summary>Letters, digits and the combining marks of decomposed (NFD) text.</summary>
    public static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static TokenKind KindOf(ReadOnlySpan<char> part)
    {
        foreach (var c in part)
        {
            if (!char.IsAsciiDigit(c))
            {
                return TokenKind.Word;
            }
        }

        return TokenKind.Number;
    }

    private static bool IsJoiner(string text, int i) => text[i] switch
    {
        '/' or '-' or '_' or '.' or '\u2010' or '\u2011' => true,
        // A comma joins only digits (3,5); between words it is punctuation.
        ',' => i > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]),
        _ => false,
    };

    /// <summary>Punctuation that ends a sentence or clause: syllables across it are not one word.</summary>
    private static bool IsBreak(string text, int i) => text[i] switch
    {
        '.' or ',' or ';' or ':' or '!' or '?' or '(' or ')' or '[' or ']' or '{' or '}' or '"' or '\u201C' or '\u201D' or '\u2026' or '\u2022' => true,
        // A line break inside a paragraph is where a PDF wrapped the line, not a boundary; a blank line is.
        '\n' => i + 1 < text.Length && text.AsSpan(i + 1).TrimStart(" \t\r").StartsWith("\n"),
        '-' or '\u2013' or '\u2014' => i > 0 && char.IsWhiteSpace(text[i - 1]),
        _ => false,
    };
}
