using System.Text;

namespace KnowledgeBase.Vietnamese.Legacy;

/// <summary>
/// TCVN3 (ABC, TCVN 5712:1993 VN3) to Unicode. The text given is what a PDF or a Latin-1 decoder yields
/// for the legacy bytes (byte 0xB8 arrives as U+00B8 '¸', which TCVN3 means as 'á'). Stateless and thread-safe.
/// </summary>
public static class Tcvn3Converter
{
    // Pairs of (legacy byte as Latin-1 char, Unicode letter). ABC has no precomposed capitals with a tone:
    // documents set headings in the ".VnTimeH" family, whose glyphs are capitals for the lower-case codes.
    private const string Pairs =
        "¡Ă¢Â£Ê¤Ô¥Ơ¦Ư§Đ¨ă©âªê«ô¬ơ\u00ADư®đ" +
        "µà¶ả·ã¸á¹ạ" +
        "»ằ¼ẳ½ẵ¾ắÆặ" +
        "ÇầÈẩÉẫÊấËậ" +
        "ÌèÎẻÏẽÐéÑẹ" +
        "ÒềÓểÔễÕếÖệ" +
        "×ìØỉÜĩÝíÞị" +
        "ßòáỏâõãóäọ" +
        "åồæổçỗèốéộ" +
        "êờëởìỡíớîợ" +
        "ïùñủòũóúôụ" +
        "õừöử÷ữøứùự" +
        "úỳûỷüỹýýþỵ";

    private static readonly Dictionary<char, char> Map = BuildMap();

    /// <summary>True when <paramref name="c"/> is a byte that TCVN3 gives a Vietnamese letter.</summary>
    public static bool IsLegacyLetter(char c) => Map.ContainsKey(c);

    /// <summary>Converts TCVN3 text to Unicode (NFC). With <paramref name="capitals"/> (the ".VnTimeH" fonts) every letter is upper-cased.</summary>
    public static string ToUnicode(string text, bool capitals = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var u = Map.TryGetValue(c, out var mapped) ? mapped : c;
            builder.Append(capitals ? char.ToUpperInvariant(u) : u);
        }

        return builder.ToString();
    }

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
        {
            map[Pairs[i]] = Pairs[i + 1];
        }

        return map;
    }
}
