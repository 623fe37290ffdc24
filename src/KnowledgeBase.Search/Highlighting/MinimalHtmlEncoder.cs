using System.Text;

namespace KnowledgeBase.Search.Highlighting;

/// <summary>
/// Escapes only <c>&amp; &lt; &gt; "</c>. Lucene's <c>SimpleHTMLEncoder</c> turns every Vietnamese letter
/// into a numeric entity, which bloats pages and breaks copy-paste.
/// </summary>
public static class MinimalHtmlEncoder
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
