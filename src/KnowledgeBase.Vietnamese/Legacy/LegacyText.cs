using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Vietnamese.Legacy;

/// <summary>Converts legacy-encoded text to NFC Unicode. Stateless and thread-safe.</summary>
public static class LegacyText
{
    /// <summary>
    /// Converts <paramref name="text"/> from <paramref name="encoding"/>; <paramref name="capitals"/> upper-cases
    /// the result (TCVN3 ".VnTimeH" fonts). <see cref="LegacyEncoding.None"/> only normalizes to NFC.
    /// </summary>
    public static string ToUnicode(string text, LegacyEncoding encoding, bool capitals = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var converted = encoding switch
        {
            LegacyEncoding.Tcvn3 => Tcvn3Converter.ToUnicode(text, capitals),
            LegacyEncoding.Vni => VniConverter.ToUnicode(text),
            _ => text,
        };
        return VietnameseText.ToNfc(converted);
    }
}
