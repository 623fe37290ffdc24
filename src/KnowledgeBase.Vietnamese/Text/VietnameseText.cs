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
        return IsSurelyNfc(text) || text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A cheap sufficient test for NFC, sparing the ICU call on almost every Vietnamese word: characters below
    /// U+0300 (ASCII, Latin-1, Latin Extended-A/B: ơ, ư, đ…) and in Latin Extended Additional (U+1E00–U+1EFF:
    /// ạ, ế, ữ…) are all NFC-stable starters, and without a combining mark nothing can compose with them.
    /// </summary>
    private static bool IsSurelyNfc(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && (c < '\u1E00' || c > '\u1EFF'))
            {
                return false;
            }
        }

        return true;
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
    public static string Fold(string text) => Fold(text, keepDStroke: false);

    /// <summary>
    /// Removes tone and vowel marks but keeps đ/Đ: the form a syllable typed with đ is matched under, since
    /// đ is a letter of its own and matches d only when the user typed d.
    /// </summary>
    public static string FoldKeepingDStroke(string text) => Fold(text, keepDStroke: true);

    /// <summary>
    /// The form a term is indexed and searched under when accents count: NFC, lower case, tone mark on its
    /// canonical vowel (<see cref="ToneMarks"/>). Returns the same instance when nothing changes.
    /// </summary>
    public static string NormalizeTerm(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var nfc = ToNfc(token);
        var lower = HasUpper(nfc) ? nfc.ToLowerInvariant() : nfc;
        return ToneMarks.Normalize(lower);
    }

    /// <summary>True when <paramref name="text"/> has a đ or Đ.</summary>
    public static bool HasDStroke(ReadOnlySpan<char> text) => text.IndexOfAny('đ', 'Đ') >= 0;

    private static string Fold(string text, bool keepDStroke)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasDiacritics(text) && !HasCombiningMark(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(keepDStroke && c is 'đ' or 'Đ' ? c : FoldChar(c));
        }

        return builder.ToString();
    }

    private static bool HasUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCombiningMark(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                return true;
            }
        }

        return false;
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
