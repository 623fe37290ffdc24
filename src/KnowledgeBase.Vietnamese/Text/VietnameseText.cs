using System.Globalization;
using System.Text;

namespace KnowledgeBase.Vietnamese.Text;

/// <summary>
/// Normalization and accent folding for Vietnamese. Stateless and thread-safe.
/// </summary>
public static class VietnameseText
{
    // Latin-1 Supplement through Latin Extended Additional: every precomposed Vietnamese letter lives here.
    private const char TableStart = '\u00C0';
    private const char TableEnd = '\u1EFF';
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>NFC-normalizes (PDFs and browsers produce NFD too). Returns the same instance when already NFC.</summary>
    public static string ToNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when the text carries any Vietnamese diacritic (tone or vowel mark, or đ).</summary>
    public static bool HasDiacritics(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= '\u00C0' && FoldChar(c) != c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Removes every diacritic; đ/Đ become d/D. Case is kept. Accepts NFC or NFD input.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(FoldChar(c));
        }

        return builder.ToString();
    }

    /// <summary>Folds one precomposed character to its base letter (đ → d); other characters unchanged.</summary>
    public static char FoldChar(char c)
    {
        return c is < TableStart or > TableEnd ? c : FoldTable[c - TableStart];
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[TableEnd - TableStart + 1];
        for (var c = TableStart; c <= TableEnd; c++)
        {
            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            table[c - TableStart] = decomposed.Length > 1 && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark
                ? decomposed[0]
                : c;
        }

        table['đ' - TableStart] = 'd';
        table['Đ' - TableStart] = 'D';
        return table;
    }
}
