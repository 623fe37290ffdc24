namespace KnowledgeBase.Search.Highlighting;

/// <summary>A sentence, line or list item of a passage; <see cref="Navigation"/> when it reads like site navigation.</summary>
public readonly record struct TextUnit(int Start, int End, bool Navigation);

/// <summary>
/// Splits a passage into the units a snippet is made of: sentences (ended by . ? ! ; followed by a space), lines
/// and list items (•, ▪, a leading dash). A unit is navigation-like — a menu entry, a heading of a sidebar, a
/// teaser cut short — when it is a list item or line without any sentence punctuation, a run of words cut off
/// with "..." or "…", or a short line (fewer than six words) that is not a sentence. Stateless and thread-safe.
/// </summary>
public static class TextUnits
{
    private const int ShortLineWords = 6;
    private static readonly char[] Bullets = ['•', '▪', '●', '◦', '·'];

    public static List<TextUnit> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = new List<TextUnit>();
        var start = 0;
        var bulleted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                Add(units, text, start, i, bulleted);
                start = i + 1;
                bulleted = false;
            }
            else if (Array.IndexOf(Bullets, c) >= 0)
            {
                Add(units, text, start, i, bulleted);
                start = i;
                bulleted = true;
            }
            else if (c is '.' or '?' or '!' or ';' && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !IsEllipsisAt(text, i))
            {
                Add(units, text, start, i + 1, bulleted);
                start = i + 1;
                bulleted = false;
            }
        }

        Add(units, text, start, text.Length, bulleted);
        return units;
    }

    /// <summary>
    /// The share of the passage's characters (0–1) in navigation-like units: near 1 for a menu or a list of teasers,
    /// 0 for prose. Ranking demotes such passages (<see cref="RankingWeights.Navigation"/>).
    /// </summary>
    public static double NavigationShare(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (all, navigation) = (0, 0);
        foreach (var unit in Split(text))
        {
            all += unit.End - unit.Start;
            navigation += unit.Navigation ? unit.End - unit.Start : 0;
        }

        return all == 0 ? 0 : (double)navigation / all;
    }

    private static bool IsEllipsisAt(string text, int i) => text[i] == '.' && i > 0 && text[i - 1] == '.';

    private static void Add(List<TextUnit> units, string text, int start, int end, bool bulleted)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            units.Add(new TextUnit(start, end, IsNavigation(text.AsSpan(start, end - start), bulleted)));
        }
    }

    private static bool IsNavigation(ReadOnlySpan<char> unit, bool bulleted)
    {
        var trimmed = unit.TrimEnd(" \"”’)]".AsSpan());
        if (trimmed.EndsWith("...", StringComparison.Ordinal) || trimmed.EndsWith("…", StringComparison.Ordinal))
        {
            return true;
        }

        var sentence = trimmed.Length > 0 && trimmed[^1] is '.' or '?' or '!' or ';' or ':';
        if (sentence)
        {
            return false;
        }

        if (bulleted)
        {
            return true;
        }

        var words = 0;
        foreach (var part in unit.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            words += part.Any(char.IsLetterOrDigit) ? 1 : 0;
        }

        return words < ShortLineWords;
    }
}
