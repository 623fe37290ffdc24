using KnowledgeBase.Vietnamese.Syllables;

namespace KnowledgeBase.Vietnamese.Legacy;

/// <summary>
/// Decides, for text that comes with no font name (plain text, Word, HTML), whether it is TCVN3 or VNI
/// mojibake, by decoding it each way and keeping the reading that makes clearly more valid Vietnamese
/// syllables. Text that already reads as Vietnamese, or that has too little evidence, stays as it is.
/// Stateless and thread-safe.
/// </summary>
public static class LegacyEncodingDetector
{
    /// <summary>Fewest legacy-looking characters before a conversion is even tried.</summary>
    public const int MinimumEvidence = 3;

    /// <summary>How much the valid-syllable share must improve for a conversion to be kept.</summary>
    public const double MinimumGain = 0.15;

    /// <summary>The valid-syllable share a converted text must reach.</summary>
    public const double MinimumConvertedShare = 0.75;

    public static LegacyEncoding Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Repair(text).Encoding;
    }

    /// <summary>The text converted from the legacy encoding it is found to be in, or unchanged.</summary>
    public static (string Text, LegacyEncoding Encoding) Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tcvnEvidence = 0;
        var vniEvidence = 0;
        var unicodeLetters = 0;
        foreach (var c in text)
        {
            if (Tcvn3Converter.IsLegacyLetter(c))
            {
                tcvnEvidence++;
            }

            if (VniConverter.IsLegacyByte(c))
            {
                vniEvidence++;
            }

            // Letters no legacy font produces through a Latin-1 reading: the text is Unicode already.
            if (c is >= '\u0100' and <= '\u024F' or >= '\u1EA0' and <= '\u1EF9')
            {
                unicodeLetters++;
            }
        }

        if (Math.Max(tcvnEvidence, vniEvidence) < MinimumEvidence || unicodeLetters > Math.Max(tcvnEvidence, vniEvidence) / 10)
        {
            return (text, LegacyEncoding.None);
        }

        var original = SyllableStatistics.Measure(text).ValidShare ?? 0;
        var best = (Text: text, Encoding: LegacyEncoding.None, Share: original);
        foreach (var encoding in (ReadOnlySpan<LegacyEncoding>)[LegacyEncoding.Tcvn3, LegacyEncoding.Vni])
        {
            var converted = LegacyText.ToUnicode(text, encoding);
            var share = SyllableStatistics.Measure(converted).ValidShare ?? 0;
            if (share > best.Share)
            {
                best = (converted, encoding, share);
            }
        }

        return best.Encoding != LegacyEncoding.None && best.Share >= MinimumConvertedShare && best.Share - original >= MinimumGain
            ? (best.Text, best.Encoding)
            : (text, LegacyEncoding.None);
    }
}
