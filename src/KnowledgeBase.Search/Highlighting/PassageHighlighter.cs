using KnowledgeBase.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace KnowledgeBase.Search.Highlighting;

/// <summary>
/// Marks the words of a passage that the query matched, with &lt;mark&gt;. Works on the folded field, so
/// an unaccented query still marks the accented letters of the original text (offsets are the original's).
/// Thread-safe: a highlighter is built per call.
/// </summary>
public sealed class PassageHighlighter : IDisposable
{
    public const string OpenTag = "<mark>";
    public const string CloseTag = "</mark>";
    private const int FragmentSize = 320;
    private const int MaxFragments = 2;
    private const string Ellipsis = " … ";

    private readonly Analyzer _folded = new VietnameseAnalyzer(folded: true);

    /// <summary>The best fragments of <paramref name="text"/> with matches marked; the start of the text when nothing matched.</summary>
    public string Highlight(Query query, string text, bool wholeText = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(text);
        var scorer = new QueryScorer(query, IndexFields.TextFolded);
        var highlighter = new Highlighter(new SimpleHTMLFormatter(OpenTag, CloseTag), MinimalHtmlEncoder.Instance, scorer)
        {
            TextFragmenter = wholeText ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, FragmentSize),
            MaxDocCharsToAnalyze = Math.Max(text.Length, 1),
        };
        using var tokens = _folded.GetTokenStream(IndexFields.TextFolded, text);
        var fragments = highlighter.GetBestFragments(tokens, text, wholeText ? 1 : MaxFragments);
        if (fragments.Length == 0)
        {
            return MinimalHtmlEncoder.Encode(wholeText ? text : Shorten(text));
        }

        return string.Join(Ellipsis, fragments.Select(f => f.Trim()));
    }

    public void Dispose() => _folded.Dispose();

    private static string Shorten(string text)
    {
        if (text.Length <= FragmentSize)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', FragmentSize);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : FragmentSize), "…");
    }
}
