namespace KnowledgeBase.Web.Localization;

/// <summary>
/// Where a document or job came from, in the UI's language: the stored source codes ("upload", "inbox", "cli",
/// "seed") by their <c>Source.*</c> words, an imported address as "Nhập từ URL"; anything else as stored.
/// </summary>
public static class SourceNames
{
    public static string Name(UiText text, string? source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(source))
        {
            return string.Empty;
        }

        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return text["Source.url"];
        }

        var key = "Source." + source;
        return text[key] is var name && name != key ? name : source;
    }
}
