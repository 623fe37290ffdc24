using System.Text;
using KnowledgeBase.Core.Search;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Search.Querying;

/// <summary>
/// Parses what a user types: plain words, <c>"exact phrase"</c>, <c>-exclude</c>, <c>a OR b</c> and
/// <c>field:value</c> filters. Lenient with stray punctuation (an unclosed quotation mark is read as punctuation, a dash before a number as a minus); refuses (with a <see cref="QueryErrorCode"/>)
/// what it cannot read sensibly. Stateless and thread-safe.
/// </summary>
public static class UserQueryParser
{
    public const int MaxLength = 1000;

    /// <summary>The marks that open and close a phrase: straight and curly (Word and phones type curly ones).</summary>
    private static readonly char[] QuotationMarks = ['"', '“', '”'];

    /// <summary>Filter names users may type (English and Vietnamese), mapped to the canonical name.</summary>
    public static readonly IReadOnlyDictionary<string, string> FilterNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = "title",
        ["tieude"] = "title",
        ["type"] = "type",
        ["loai"] = "type",
        ["year"] = "year",
        ["nam"] = "year",
        ["tag"] = "tag",
        ["nhan"] = "tag",
    };

    public static UserQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new QuerySyntaxException(QueryErrorCode.Empty, "The query is empty.");
        }

        if (text.Length > MaxLength)
        {
            throw new QuerySyntaxException(QueryErrorCode.TooLong, $"The query is longer than {MaxLength} characters.");
        }

        var items = Tokenize(VietnameseText.ToNfc(text));
        var free = new StringBuilder();
        var phrases = new List<string>();
        var exclusions = new List<string>();
        var filters = new List<KeyValuePair<string, string>>();
        var alternatives = new List<List<string>>();

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Kind == ItemKind.Or)
            {
                continue;
            }

            var joinsNext = i + 1 < items.Count && items[i + 1].Kind == ItemKind.Or;
            var joinedByPrevious = i > 0 && items[i - 1].Kind == ItemKind.Or;
            if (joinsNext || joinedByPrevious)
            {
                if (item.Kind is not (ItemKind.Word or ItemKind.Phrase))
                {
                    throw new QuerySyntaxException(QueryErrorCode.DanglingOperator, "OR must stand between two words or phrases.");
                }

                if (joinedByPrevious)
                {
                    alternatives[^1].Add(item.Text);
                }
                else
                {
                    alternatives.Add([item.Text]);
                }

                continue;
            }

            switch (item.Kind)
            {
                case ItemKind.Word:
                    free.Append(free.Length > 0 ? " " : string.Empty).Append(item.Text);
                    break;
                case ItemKind.Phrase:
                    phrases.Add(item.Text);
                    break;
                case ItemKind.Excluded:
                    exclusions.Add(item.Text);
                    break;
                case ItemKind.Filter:
                    filters.Add(new KeyValuePair<string, string>(item.Field!, item.Text));
                    break;
            }
        }

        if (free.Length == 0 && phrases.Count == 0 && alternatives.Count == 0 && filters.Count == 0)
        {
            throw exclusions.Count > 0
                ? new QuerySyntaxException(QueryErrorCode.OnlyExclusions, "The query only excludes words; say what to look for too.")
                : new QuerySyntaxException(QueryErrorCode.Empty, "The query has no words to look for.");
        }

        return new UserQuery
        {
            FreeText = free.ToString(),
            Phrases = phrases,
            Alternatives = alternatives,
            Exclusions = exclusions,
            Filters = filters,
        };
    }

    private static List<Item> Tokenize(string text)
    {
        var items = new List<Item>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            // "-word" excludes; "-19" (COVID -19, "-86 độ") is a minus or a range, and a dash opening a line is a bullet.
            var bullet = i > 0 && text[i - 1] == '\n';
            if (text[i] == '-' && !bullet && i + 1 < text.Length && (text[i + 1] == '"' || char.IsLetter(text[i + 1])))
            {
                excluded = true;
                i++;
            }

            if (Array.IndexOf(QuotationMarks, text[i]) >= 0)
            {
                var close = NextQuotationMark(text, i + 1);
                if (close < 0)
                {
                    // A stray quotation mark in a typed or pasted question: read on as plain words.
                    i++;
                    continue;
                }

                var phrase = text[(i + 1)..close].Trim();
                i = close + 1;
                if (HasSearchableText(phrase))
                {
                    items.Add(new Item(excluded ? ItemKind.Excluded : ItemKind.Phrase, phrase));
                }

                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
            {
                end++;
            }

            var word = text[i..end];
            i = end;
            if (!excluded && (word == "OR" || word == "|"))
            {
                if (items.Count == 0 || items[^1].Kind == ItemKind.Or)
                {
                    throw new QuerySyntaxException(QueryErrorCode.DanglingOperator, "OR must stand between two words or phrases.");
                }

                items.Add(new Item(ItemKind.Or, word));
                continue;
            }

            var colon = word.IndexOf(':', StringComparison.Ordinal);
            if (!excluded && colon > 0 && FilterNames.TryGetValue(VietnameseText.Fold(word[..colon]), out var field))
            {
                var value = word[(colon + 1)..];
                if (value.Length == 0 && i < text.Length && text[i] == '"')
                {
                    var close = NextQuotationMark(text, i + 1);
                    if (close < 0)
                    {
                        throw new QuerySyntaxException(QueryErrorCode.UnbalancedQuote, "A quotation mark is not closed.");
                    }

                    value = text[(i + 1)..close].Trim();
                    i = close + 1;
                }

                if (value.Length == 0)
                {
                    throw new QuerySyntaxException(QueryErrorCode.InvalidFilterValue, $"The filter '{word[..colon]}:' needs a value.");
                }

                items.Add(new Item(ItemKind.Filter, value, field));
                continue;
            }

            if (HasSearchableText(word))
            {
                items.Add(new Item(excluded ? ItemKind.Excluded : ItemKind.Word, word));
            }
        }

        if (items.Count > 0 && items[^1].Kind == ItemKind.Or)
        {
            throw new QuerySyntaxException(QueryErrorCode.DanglingOperator, "OR must stand between two words or phrases.");
        }

        return items;
    }

    /// <summary>Where the next quotation mark at or after <paramref name="from"/> is, or -1.</summary>
    internal static int NextQuotationMark(string text, int from) => text.IndexOfAny(QuotationMarks, from);

    private static bool HasSearchableText(string text) => text.Any(char.IsLetterOrDigit);

    private enum ItemKind
    {
        Word,
        Phrase,
        Excluded,
        Or,
        Filter,
    }

    private sealed record Item(ItemKind Kind, string Text, string? Field = null);
}
