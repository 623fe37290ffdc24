using System.Text;

namespace KnowledgeBase.Vietnamese.Legacy;

/// <summary>
/// VNI Windows to Unicode. VNI writes a vowel as its ASCII base letter followed by one byte that carries its
/// marks ("Thieát" = "Thiết"); ơ, ư, đ and the toned i/ỵ are single bytes. The text given is what a PDF or a
/// Latin-1 decoder yields for the legacy bytes. Stateless and thread-safe.
/// </summary>
public static class VniConverter
{
    private const char Circumflex = '\u0302';
    private const char Breve = '\u0306';
    private const char Acute = '\u0301';
    private const char Grave = '\u0300';
    private const char Hook = '\u0309';
    private const char Tilde = '\u0303';
    private const char DotBelow = '\u0323';

    // Mark byte (lower-case form) → (vowel-quality mark or '\0', tone mark or '\0'). Capital forms mean the same.
    private static readonly Dictionary<char, (char Quality, char Tone)> Marks = new()
    {
        ['ù'] = ('\0', Acute),
        ['ø'] = ('\0', Grave),
        ['û'] = ('\0', Hook),
        ['õ'] = ('\0', Tilde),
        ['ï'] = ('\0', DotBelow),
        ['â'] = (Circumflex, '\0'),
        ['á'] = (Circumflex, Acute),
        ['à'] = (Circumflex, Grave),
        ['å'] = (Circumflex, Hook),
        ['ã'] = (Circumflex, Tilde),
        ['ä'] = (Circumflex, DotBelow),
        ['ê'] = (Breve, '\0'),
        ['é'] = (Breve, Acute),
        ['è'] = (Breve, Grave),
        ['ú'] = (Breve, Hook),
        ['ü'] = (Breve, Tilde),
        ['ë'] = (Breve, DotBelow),
    };

    // Bytes that are whole letters on their own.
    private static readonly Dictionary<char, char> Letters = new()
    {
        ['ô'] = 'ơ',
        ['ö'] = 'ư',
        ['ñ'] = 'đ',
        ['í'] = 'í',
        ['ì'] = 'ì',
        ['æ'] = 'ỉ',
        ['ó'] = 'ĩ',
        ['ò'] = 'ị',
        ['î'] = 'ỵ',
    };

    /// <summary>True when <paramref name="c"/> is a VNI mark byte or a VNI single-byte letter.</summary>
    public static bool IsLegacyByte(char c)
    {
        var lower = char.ToLowerInvariant(c);
        return Marks.ContainsKey(lower) || Letters.ContainsKey(lower);
    }

    /// <summary>Converts VNI text to Unicode (NFC).</summary>
    public static string ToUnicode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var upper = char.IsUpper(c);
            var lower = char.ToLowerInvariant(c);
            var letter = Letters.TryGetValue(lower, out var single) ? single : lower;
            var isBase = letter is 'a' or 'e' or 'o' or 'u' or 'y' or 'ơ' or 'ư';
            if (isBase && i + 1 < text.Length && Marks.TryGetValue(char.ToLowerInvariant(text[i + 1]), out var mark) && Fits(letter, mark.Quality))
            {
                var composed = ComposeLetter(letter, mark.Quality, mark.Tone);
                builder.Append(upper ? char.ToUpperInvariant(composed) : composed);
                i++;
                continue;
            }

            if (Letters.ContainsKey(lower))
            {
                builder.Append(upper ? char.ToUpperInvariant(letter) : letter);
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool Fits(char letter, char quality) => quality switch
    {
        Circumflex => letter is 'a' or 'e' or 'o',
        Breve => letter == 'a',
        _ => true,
    };

    private static char ComposeLetter(char letter, char quality, char tone)
    {
        Span<char> parts = stackalloc char[3];
        var length = 0;
        parts[length++] = letter;
        if (quality != '\0')
        {
            parts[length++] = quality;
        }

        if (tone != '\0')
        {
            parts[length++] = tone;
        }

        var composed = new string(parts[..length]).Normalize(NormalizationForm.FormC);
        return composed.Length == 1 ? composed[0] : letter;
    }
}
