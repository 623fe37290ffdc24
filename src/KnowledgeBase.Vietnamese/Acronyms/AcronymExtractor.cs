using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;

namespace KnowledgeBase.Vietnamese.Acronyms;

/// <summary>
/// Finds acronyms that a text defines: <c>cải cách hành chính (CCHC)</c>, <c>CCHC (cải cách hành chính)</c>
/// and <c>Hội đồng nhân dân (sau đây gọi tắt là HĐND)</c>. A pair is accepted only when the acronym's
/// letters are the initials of the expansion's syllables, in order (linking words such as <c>và</c> may
/// be skipped), so ordinary parentheses yield nothing. Stateless and thread-safe.
/// </summary>
public static class AcronymExtractor
{
    private const int MinLetters = 2;
    private const int MaxLetters = 12;

    // Linking words that acronyms usually leave out: "Bộ Giáo dục và Đào tạo" is BGDĐT.
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "và", "của", "các", "với", "về", "cho" };

    // "(sau đây gọi tắt là HĐND)": the words that may stand between the bracket and the acronym (folded).
    private static readonly HashSet<string> Introducers = new(StringComparer.Ordinal)
    {
        "sau day goi tat la", "sau day viet tat la", "sau day goi la", "goi tat la", "viet tat la", "goi la", "sau day goi chung la",
    };

    public static IReadOnlyList<Acronym> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Acronym>();
        if (text.IndexOf('(', StringComparison.Ordinal) < 0)
        {
            return found;
        }

        var nfc = VietnameseText.ToNfc(text);
        var tokens = TextTokenizer.Tokenize(nfc);
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            if (token.Kind is TokenKind.CodePart or TokenKind.Number || !TryLetters(nfc.AsSpan(token.Start, token.Length), out var letters))
            {
                continue;
            }

            var openBefore = OpensBefore(nfc, tokens, t);
            var closesAfter = ClosesAfter(nfc, token.End);
            var last = LastIndexOfToken(tokens, t);
            if (openBefore && closesAfter)
            {
                // "cải cách hành chính (CCHC)"
                Add(found, nfc, token, AlignBackward(nfc, tokens, t - 1, letters));
            }
            else if (closesAfter && IntroducedAt(nfc, tokens, t) is { } open)
            {
                // "Hội đồng nhân dân (sau đây gọi tắt là HĐND)"
                Add(found, nfc, token, AlignBackward(nfc, tokens, open - 1, letters));
            }
            else if (last + 1 < tokens.Count && OpensBefore(nfc, tokens, last + 1))
            {
                // "CCHC (cải cách hành chính)"
                Add(found, nfc, token, AlignForward(nfc, tokens, last + 1, letters));
            }
        }

        return found;
    }

    private static void Add(List<Acronym> found, string text, TextToken token, string? expansion)
    {
        if (expansion is not null)
        {
            var acronym = new Acronym(token.TextOf(text), expansion);
            if (!found.Contains(acronym))
            {
                found.Add(acronym);
            }
        }
    }

    /// <summary>The upper-case letters of an acronym-like token (<c>NĐ-CP</c> → <c>NĐCP</c>); false for anything else.</summary>
    private static bool TryLetters(ReadOnlySpan<char> token, out string letters)
    {
        letters = string.Empty;
        Span<char> buffer = stackalloc char[MaxLetters];
        var count = 0;
        foreach (var c in token)
        {
            if (char.IsUpper(c))
            {
                if (count == MaxLetters || (c != 'Đ' && VietnameseText.HasDiacritics([c])))
                {
                    return false;
                }

                buffer[count++] = c;
            }
            else if (c is not ('-' or '.' or '&'))
            {
                return false;
            }
        }

        if (count < MinLetters)
        {
            return false;
        }

        letters = new string(buffer[..count]);
        return true;
    }

    private static string? AlignBackward(string text, IReadOnlyList<TextToken> tokens, int from, string letters)
    {
        var li = letters.Length - 1;
        var first = -1;
        for (var i = from; i >= 0 && li >= 0; i--)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.Code or TokenKind.CodePart || (i < from && ClosesAfter(text, token.End)))
            {
                return null;
            }

            var syllable = VietnameseText.NormalizeTerm(token.TextOf(text));
            if (InitialMatches(syllable, letters[li]))
            {
                first = i;
                li--;
            }
            else if (first < 0 || !Connectors.Contains(syllable))
            {
                return null;
            }
        }

        return li < 0 ? Join(text, tokens, first, from) : null;
    }

    private static string? AlignForward(string text, IReadOnlyList<TextToken> tokens, int from, string letters)
    {
        var li = 0;
        for (var i = from; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.Code or TokenKind.CodePart || (i > from && OpensBefore(text, tokens, i)))
            {
                return null;
            }

            var syllable = VietnameseText.NormalizeTerm(token.TextOf(text));
            if (li < letters.Length && InitialMatches(syllable, letters[li]))
            {
                li++;
            }
            else if (li == 0 || !Connectors.Contains(syllable))
            {
                return null;
            }

            if (ClosesAfter(text, token.End))
            {
                return li == letters.Length ? Join(text, tokens, from, i) : null;
            }
        }

        return null;
    }

    private static bool InitialMatches(string syllable, char letter)
    {
        var initial = syllable[0];
        return letter switch
        {
            'Đ' => initial == 'đ',
            // People write HDND for HĐND: a plain D stands for d or đ.
            'D' => initial is 'd' or 'đ',
            _ => VietnameseText.FoldChar(initial) == char.ToLowerInvariant(letter),
        };
    }

    private static string Join(string text, IReadOnlyList<TextToken> tokens, int first, int last)
    {
        var words = new List<string>(last - first + 1);
        for (var i = first; i <= last; i++)
        {
            words.Add(tokens[i].TextOf(text));
        }

        return string.Join(' ', words);
    }

    /// <summary>The index of the token after which a "(sau đây gọi tắt là" opening ends at token <paramref name="t"/>, or null.</summary>
    private static int? IntroducedAt(string text, IReadOnlyList<TextToken> tokens, int t)
    {
        for (var open = t - 1; open >= Math.Max(0, t - 6); open--)
        {
            if (OpensBefore(text, tokens, open))
            {
                var words = new List<string>();
                for (var i = open; i < t; i++)
                {
                    words.Add(VietnameseText.Fold(VietnameseText.NormalizeTerm(tokens[i].TextOf(text))));
                }

                return Introducers.Contains(string.Join(' ', words)) ? open : null;
            }
        }

        return null;
    }

    private static bool OpensBefore(string text, IReadOnlyList<TextToken> tokens, int t)
    {
        // The nearest token that ends before this one (a whole code overlaps its parts).
        var end = 0;
        for (var i = t - 1; i >= 0; i--)
        {
            if (tokens[i].End <= tokens[t].Start)
            {
                end = tokens[i].End;
                break;
            }
        }

        var between = text.AsSpan(end, tokens[t].Start - end).Trim();
        return between.Length > 0 && between[^1] == '(';
    }

    private static bool ClosesAfter(string text, int end)
    {
        var rest = text.AsSpan(end).TrimStart();
        return rest.Length > 0 && rest[0] == ')';
    }

    /// <summary>The last token that belongs to the token at <paramref name="t"/> (a code's last part).</summary>
    private static int LastIndexOfToken(IReadOnlyList<TextToken> tokens, int t)
    {
        var last = t;
        while (last + 1 < tokens.Count && tokens[last + 1].Kind == TokenKind.CodePart)
        {
            last++;
        }

        return last;
    }
}
