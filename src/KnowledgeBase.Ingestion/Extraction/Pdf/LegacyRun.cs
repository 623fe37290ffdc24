using System.Text;
using KnowledgeBase.Vietnamese.Legacy;
using KnowledgeBase.Vietnamese.Syllables;

namespace KnowledgeBase.Ingestion.Extraction.Pdf;

/// <summary>
/// The glyphs of one word drawn in one font, converted from the legacy encoding the font's name says. A TCVN3
/// run has two readings: the content stream's own byte codes (the truth for a simple font; without them, the map
/// with a WinAnsi "hyphen" after a letter read as ư) and the font's Unicode map with the look-alikes producers put
/// in it undone (Greek mu U+03BC for à, a minus sign for ư). The syllable validator picks the reading that is
/// more Vietnamese, so "m-file" stays "m-file" while "®−êng" becomes "đường". Not thread-safe; reused per word.
/// </summary>
internal sealed class LegacyRun
{
    private readonly StringBuilder _value = new();
    private readonly StringBuilder _codes = new();
    private bool _codesUsable = true;

    public void Add(string value, int code)
    {
        _value.Append(value);
        if (code is >= 0x20 and <= 0xFF && CodeAgrees(value, code))
        {
            _codes.Append((char)code);
        }
        else
        {
            _codesUsable = false;
        }
    }

    // The codes are the font's bytes only where the map agrees with them but for the ambiguous letters: a subset
    // font re-encoded by its producer draws "Bus" with the codes of "%XV", and its codes mean nothing.
    private static bool CodeAgrees(string value, int code) =>
        (value.Length == 1 && value[0] == code)
        || (code == 0xB5 && value == "\u03BC")
        || (code == 0xAD && value is "-" or "\u2212" or "\u00AD")
        || (code >= 0xA1 && string.IsNullOrWhiteSpace(value));

    public void End(StringBuilder text, (LegacyEncoding Encoding, bool Capitals) font, ref int tcvn3, ref int vni)
    {
        if (_value.Length == 0 && _codes.Length == 0)
        {
            Clear();
            return;
        }

        var value = _value.ToString();
        var codes = _codesUsable && _codes.Length > 0 ? _codes.ToString() : null;
        Clear();

        // A legacy-named font whose map already yields Vietnamese letters is Unicode: converting it would garble it.
        if (font.Encoding == LegacyEncoding.None || value.Any(c => c is >= '\u0100' and <= '\u01B0' or >= '\u1EA0' and <= '\u1EF9'))
        {
            text.Append(value);
            return;
        }

        var converted = font.Encoding == LegacyEncoding.Tcvn3
            ? BestTcvn3(value, codes, font.Capitals)
            : LegacyText.ToUnicode(value, font.Encoding, font.Capitals);
        if (!string.Equals(converted, value, StringComparison.Ordinal))
        {
            if (font.Encoding == LegacyEncoding.Tcvn3)
            {
                tcvn3 += value.Length;
            }
            else
            {
                vni += value.Length;
            }
        }

        text.Append(converted);
    }

    private static string BestTcvn3(string value, string? codes, bool capitals)
    {
        var mapped = UndoLookalikes(value);
        var fromMap = Tcvn3Converter.ToUnicode(mapped, capitals);
        string first;
        if (codes is not null)
        {
            // The byte codes tell a real hyphen (0x2D) from ư (0xAD): no guessing about hyphens.
            first = Tcvn3Converter.ToUnicode(codes, capitals);
        }
        else
        {
            // Without codes, a WinAnsi "hyphen" after a letter is read as ư when that reads better.
            var hyphens = SoftHyphens(mapped);
            first = string.Equals(hyphens, mapped, StringComparison.Ordinal) ? fromMap : Tcvn3Converter.ToUnicode(hyphens, capitals);
        }

        // Ties go to the first reading.
        return string.Equals(first, fromMap, StringComparison.Ordinal) || Score(fromMap) <= Score(first) ? first : fromMap;
    }

    private static int Score(string text)
    {
        var statistics = SyllableStatistics.Measure(text);
        return statistics.Valid - statistics.Invalid;
    }

    // Look-alike code points some ToUnicode maps give TCVN3 bytes: Greek mu for micro (à, 0xB5), a minus sign
    // or an empty value for the soft hyphen (ư, 0xAD).
    private static string UndoLookalikes(string value)
    {
        if (!value.Contains('\u03BC', StringComparison.Ordinal) && !value.Contains('\u2212', StringComparison.Ordinal))
        {
            return value;
        }

        return value.Replace('\u03BC', '\u00B5').Replace('\u2212', '\u00AD');
    }

    // TCVN3 spells ư with byte 0xAD, which WinAnsiEncoding names "hyphen": without a ToUnicode map PDF readers
    // give '-' for it. After a letter ("nh-", "Ng-êi") it may be the letter, not a dash; the validator decides.
    private static string SoftHyphens(string value)
    {
        if (!value.Contains('-', StringComparison.Ordinal))
        {
            return value;
        }

        var chars = value.ToCharArray();
        for (var i = 1; i < chars.Length; i++)
        {
            if (chars[i] == '-' && IsTcvn3Letter(chars[i - 1]) && (i == chars.Length - 1 || IsTcvn3Letter(chars[i + 1])))
            {
                chars[i] = '\u00AD';
            }
        }

        return new string(chars);
    }

    private static bool IsTcvn3Letter(char c) => char.IsLetter(c) || Tcvn3Converter.IsLegacyLetter(c);

    private void Clear()
    {
        _value.Clear();
        _codes.Clear();
        _codesUsable = true;
    }
}
