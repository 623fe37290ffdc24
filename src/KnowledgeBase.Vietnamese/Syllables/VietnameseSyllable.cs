using System.Globalization;
using System.Text;

namespace KnowledgeBase.Vietnamese.Syllables;

/// <summary>
/// A rule-based validator of Vietnamese syllables: onset + rhyme + tone, with the spelling rules
/// (c/k/q, g/gh, ng/ngh) and the rule that rhymes ending in p, t, c, ch take only the sắc or nặng tone.
/// It accepts possible syllables, not only attested ones; both tone-mark placements (hoà/hòa) pass.
/// Stateless and thread-safe.
/// </summary>
public static class VietnameseSyllable
{
    private const int MaxSyllableLength = 8;

    private static readonly string[] Onsets =
        ["ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];

    private static readonly HashSet<string> Rhymes = BuildRhymes();

    private enum Tone
    {
        Level,
        Acute,
        Grave,
        Hook,
        Tilde,
        Dot,
    }

    /// <summary>True when <paramref name="token"/> (any case, NFC or NFD) is a well-formed Vietnamese syllable.</summary>
    public static bool IsValid(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty || token.Length > MaxSyllableLength * 2)
        {
            return false;
        }

        Span<char> letters = stackalloc char[token.Length];
        var length = 0;
        var tone = Tone.Level;
        foreach (var raw in token)
        {
            if (!TryStrip(raw, out var letter, out var charTone))
            {
                return false;
            }

            if (charTone != Tone.Level)
            {
                if (tone != Tone.Level)
                {
                    return false;
                }

                tone = charTone;
            }

            if (letter == '\0')
            {
                continue;
            }

            if (length == 0 && letter == '\u0302')
            {
                return false;
            }

            // NFD vowel-quality marks combine with the letter before them.
            if (letter is '\u0302' or '\u0306' or '\u031B')
            {
                var combined = (letters[length - 1].ToString() + letter).Normalize(NormalizationForm.FormC);
                if (combined.Length != 1)
                {
                    return false;
                }

                letters[length - 1] = combined[0];
                continue;
            }

            letters[length++] = letter;
        }

        if (length == 0 || length > MaxSyllableLength)
        {
            return false;
        }

        var syllable = new string(letters[..length]);
        return IsValidUntoned(syllable, tone);
    }

    private static bool IsValidUntoned(string syllable, Tone tone)
    {
        // Longest onset first; "gi" and "qu" also get a second reading (gì = g + ì, quốc = qu + ốc).
        foreach (var onset in Onsets)
        {
            if (!syllable.StartsWith(onset, StringComparison.Ordinal))
            {
                continue;
            }

            var rhyme = syllable[onset.Length..];
            if (onset == "gi" && (rhyme.Length == 0 || !RhymeFits(onset, rhyme, tone)))
            {
                return RhymeFits("g-i", syllable[1..], tone);
            }

            // In "quýt", "quyết" the u of qu is also the rhyme's medial.
            return RhymeFits(onset, rhyme, tone) || (onset == "qu" && RhymeFits(onset, "u" + rhyme, tone));
        }

        return RhymeFits(string.Empty, syllable, tone);
    }

    private static bool RhymeFits(string onset, string rhyme, Tone tone)
    {
        if (!Rhymes.Contains(rhyme))
        {
            return false;
        }

        if ((rhyme.EndsWith('p') || rhyme.EndsWith('t') || rhyme.EndsWith('c') || rhyme.EndsWith("ch", StringComparison.Ordinal))
            && tone is not (Tone.Acute or Tone.Dot))
        {
            return false;
        }

        var front = rhyme[0] is 'e' or 'ê' or 'i' or 'y';
        return onset switch
        {
            "k" or "gh" or "ngh" => front,
            "c" or "g" or "ng" => !front,
            "qu" => rhyme[0] != 'o',
            "gi" => rhyme[0] is not 'i',
            _ => true,
        };
    }

    private static bool TryStrip(char c, out char letter, out Tone tone)
    {
        tone = Tone.Level;
        letter = '\0';
        switch (c)
        {
            case '\u0300': tone = Tone.Grave; return true;
            case '\u0301': tone = Tone.Acute; return true;
            case '\u0303': tone = Tone.Tilde; return true;
            case '\u0309': tone = Tone.Hook; return true;
            case '\u0323': tone = Tone.Dot; return true;
            case '\u0302' or '\u0306' or '\u031B': letter = c; return true;
            default: break;
        }

        var lower = char.ToLowerInvariant(c);
        if (lower is 'đ' or (>= 'a' and <= 'z'))
        {
            letter = lower;
            return lower is not ('f' or 'j' or 'w' or 'z');
        }

        if (lower < '\u00C0')
        {
            return false;
        }

        if (c <= PrecomposedEnd)
        {
            var known = Precomposed.Value[c - '\u00C0'];
            letter = known.Letter;
            tone = known.Tone;
            return known.Letter != '\0';
        }

        return TryStripSlow(c, lower, out letter, out tone);
    }

    /// <summary>
    /// Base vowel and tone of every precomposed letter from U+00C0 to U+1EFF (Latin-1 to Latin Extended
    /// Additional, where all Vietnamese vowels live), worked out once: the decomposition goes through ICU,
    /// too slow to repeat for every letter of every page.
    /// </summary>
    private static readonly Lazy<(char Letter, Tone Tone)[]> Precomposed = new(() =>
    {
        var table = new (char Letter, Tone Tone)[PrecomposedEnd - '\u00C0' + 1];
        for (var c = '\u00C0'; c <= PrecomposedEnd; c++)
        {
            table[c - '\u00C0'] = TryStripSlow(c, char.ToLowerInvariant(c), out var letter, out var tone) ? (letter, tone) : ('\0', Tone.Level);
        }

        return table;
    });

    private const char PrecomposedEnd = '\u1EFF';

    private static bool TryStripSlow(char c, char lower, out char letter, out Tone tone)
    {
        tone = Tone.Level;
        letter = '\0';
        if (lower is 'đ')
        {
            letter = lower;
            return true;
        }

        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        var baseBuilder = new StringBuilder(2);
        foreach (var part in decomposed)
        {
            switch (part)
            {
                case '\u0300': tone = Tone.Grave; break;
                case '\u0301': tone = Tone.Acute; break;
                case '\u0303': tone = Tone.Tilde; break;
                case '\u0309': tone = Tone.Hook; break;
                case '\u0323': tone = Tone.Dot; break;
                default: baseBuilder.Append(part); break;
            }
        }

        var stripped = baseBuilder.ToString().Normalize(NormalizationForm.FormC);
        if (stripped.Length != 1)
        {
            return false;
        }

        letter = stripped[0];
        return letter is 'a' or 'ă' or 'â' or 'e' or 'ê' or 'i' or 'o' or 'ô' or 'ơ' or 'u' or 'ư' or 'y'
            && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter;
    }

    private static HashSet<string> BuildRhymes()
    {
        var rhymes = new HashSet<string>(StringComparer.Ordinal)
        {
            // Open rhymes and rhymes closed by a semivowel.
            "a", "e", "ê", "i", "y", "o", "ô", "ơ", "u", "ư",
            "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê", "ui",
            "uy", "ưa", "ưi", "ưu", "ươi", "ươu", "iêu", "yêu", "uôi", "oai", "oay", "oao", "oeo", "uây", "uya", "uyu",
            "uơ", "ya", "ơu", "uâu", "uêu",
        };

        // Nucleus → the codas it takes (ch and nh only after front vowels).
        var closed = new (string Nucleus, string[] Codas)[]
        {
            ("a", ["c", "ch", "m", "n", "ng", "nh", "p", "t"]),
            ("ă", ["c", "m", "n", "ng", "p", "t"]),
            ("â", ["c", "m", "n", "ng", "p", "t"]),
            ("e", ["c", "m", "n", "ng", "p", "t"]),
            ("ê", ["ch", "m", "n", "nh", "p", "t"]),
            ("i", ["ch", "m", "n", "nh", "p", "t"]),
            ("y", ["nh"]),
            ("o", ["c", "m", "n", "ng", "p", "t"]),
            ("oo", ["c", "ng"]),
            ("ô", ["c", "m", "n", "ng", "p", "t"]),
            ("ơ", ["m", "n", "p", "t"]),
            ("u", ["c", "m", "n", "ng", "p", "t"]),
            ("ư", ["c", "m", "n", "ng", "t"]),
            ("iê", ["c", "m", "n", "ng", "p", "t"]),
            ("yê", ["m", "n", "ng", "t"]),
            ("uô", ["c", "m", "n", "ng", "t"]),
            ("ươ", ["c", "m", "n", "ng", "p", "t"]),
            ("oa", ["c", "ch", "m", "n", "ng", "nh", "p", "t"]),
            ("oă", ["c", "m", "n", "ng", "p", "t"]),
            ("oe", ["c", "m", "n", "ng", "t"]),
            ("uâ", ["c", "n", "ng", "t"]),
            ("uê", ["ch", "n", "nh", "t"]),
            ("uy", ["c", "ch", "n", "nh", "p", "t"]),
            ("uyê", ["n", "t"]),
        };

        foreach (var (nucleus, codas) in closed)
        {
            foreach (var coda in codas)
            {
                rhymes.Add(nucleus + coda);
            }
        }

        return rhymes;
    }
}
