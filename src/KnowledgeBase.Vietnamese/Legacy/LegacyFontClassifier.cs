namespace KnowledgeBase.Vietnamese.Legacy;

/// <summary>
/// Tells from a font name which legacy encoding its text is in. Font names arrive as PDFs carry them:
/// with a subset prefix ("CTYNCK+VnTimeHBold") and style suffixes (",Bold", "-Italic"). Stateless and thread-safe.
/// </summary>
public static class LegacyFontClassifier
{
    private static readonly string[] StyleSuffixes =
        ["BoldItalic", "BoldOblique", "Bold", "Italic", "Oblique", "Regular", "Roman", "PSMT", "MT", "PS"];

    /// <summary>The encoding a font of this name uses; <see cref="LegacyEncoding.None"/> for Unicode fonts.</summary>
    public static LegacyEncoding Classify(string? fontName)
    {
        var name = BaseName(fontName);
        if (name.Length < 3)
        {
            return LegacyEncoding.None;
        }

        // VNI fonts: "VNI-Times", "VNI-Helve-Condense", "VNI Times".
        if (name.StartsWith("VNI-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VNI ", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("VNI_", StringComparison.OrdinalIgnoreCase))
        {
            return LegacyEncoding.Vni;
        }

        // ABC/TCVN3 fonts: ".VnTime", ".VnArial NarrowH"; PDFs drop the dot ("VnTime"). The capital after "Vn"
        // keeps vntex's Unicode-mapped "VNR12"/"VNBX12" and ordinary words ("Vnexpress") out.
        var body = name.StartsWith('.') ? name[1..] : name;
        if (body.Length > 2 && body[0] == 'V' && body[1] == 'n' && char.IsUpper(body[2]))
        {
            return LegacyEncoding.Tcvn3;
        }

        return LegacyEncoding.None;
    }

    /// <summary>
    /// True for the TCVN3 capital fonts (".VnTimeH", ".VnArialH"): they draw capitals for lower-case codes,
    /// because ABC has no code for a capital vowel with a tone.
    /// </summary>
    public static bool IsCapitalsFont(string? fontName)
    {
        if (Classify(fontName) != LegacyEncoding.Tcvn3)
        {
            return false;
        }

        var name = BaseName(fontName).Replace(" ", string.Empty, StringComparison.Ordinal);
        var changed = true;
        while (changed)
        {
            changed = false;
            name = name.TrimEnd(',', '-', '_');
            foreach (var suffix in StyleSuffixes)
            {
                if (name.Length > suffix.Length + 3 && name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    name = name[..^suffix.Length];
                    changed = true;
                }
            }
        }

        return name.EndsWith('H');
    }

    /// <summary>The font name without a subset prefix ("ABCDEF+") and surrounding blanks.</summary>
    public static string BaseName(string? fontName)
    {
        if (string.IsNullOrWhiteSpace(fontName))
        {
            return string.Empty;
        }

        var name = fontName.Trim();
        var plus = name.IndexOf('+', StringComparison.Ordinal);
        if (plus == 6 && name[..6].All(char.IsAsciiLetterUpper))
        {
            name = name[7..];
        }

        return name;
    }
}
