using System.Net;

namespace KnowledgeBase.Cli;

/// <summary>Turns a highlighted HTML fragment into terminal text: bold on a terminal, «brackets» when piped.</summary>
internal static class TerminalText
{
    public static string FromFragment(string html, bool plain)
    {
        ArgumentNullException.ThrowIfNull(html);
        var marked = plain
            ? html.Replace("<mark>", "«", StringComparison.Ordinal).Replace("</mark>", "»", StringComparison.Ordinal)
            : html.Replace("<mark>", "\u001b[1;33m", StringComparison.Ordinal).Replace("</mark>", "\u001b[0m", StringComparison.Ordinal);
        return WebUtility.HtmlDecode(marked).ReplaceLineEndings(" ");
    }
}
