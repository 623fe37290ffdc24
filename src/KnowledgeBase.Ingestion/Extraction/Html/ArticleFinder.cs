using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace KnowledgeBase.Ingestion.Extraction.Html;

/// <summary>
/// Finds the article in a web page's body: what is never article text is removed (scripts, navigation, forms,
/// captions, hidden elements, boilerplate by class or id), containers are scored by the prose they hold (the
/// Readability approach), and the best one is taken with the lead paragraphs beside it, unless it looks like a
/// list of teasers (a home page). Changes the body it is given. Stateless and thread-safe.
/// </summary>
internal static partial class ArticleFinder
{
    private const int MinScoredText = 25;
    private const int LongParagraph = 80;

    private static readonly HashSet<string> Removed = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "form", "button", "input", "select", "textarea",
        "nav", "aside", "figure", "figcaption", "picture", "video", "audio", "canvas", "object", "embed", "map", "dialog",
    };

    /// <summary>
    /// Cleans <paramref name="body"/> and finds its article: the best-scoring container (<paramref name="top"/>)
    /// and the elements that make up the article, in order (<paramref name="content"/>). False when the page holds
    /// no single article.
    /// </summary>
    public static bool TryFind(IElement body, [NotNullWhen(true)] out IElement? top, out List<IElement> content)
    {
        Clean(body);
        top = FindTopCandidate(body);
        if (top is null)
        {
            content = [];
            return false;
        }

        content = WithSiblings(top);
        return LooksLikeArticle(content);
    }

    private static void Clean(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is null && element != body)
            {
                continue;
            }

            if (Removed.Contains(element.LocalName) || IsHidden(element))
            {
                element.Remove();
            }
        }

        // Boilerplate by class or id, unless it wraps most of the page's prose (a layout column named "sidebar-1").
        var total = ProseLength(body);
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (element.Parent is null)
            {
                continue;
            }

            var names = element.ClassName + " " + element.Id;
            if (names.Length > 1 && Boilerplate().IsMatch(names) && ProseLength(element) < 0.3 * total)
            {
                element.Remove();
            }
        }
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && HiddenStyle().IsMatch(style))
        {
            return true;
        }

        return element.ClassList.Contains("hidden") || element.ClassList.Contains("hide");
    }

    private static int ProseLength(IElement element) =>
        element.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    private static IElement? FindTopCandidate(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var element in body.QuerySelectorAll("p, pre, td, blockquote, div, section"))
        {
            var isContainer = element.LocalName is "div" or "section" or "td";
            var text = isContainer ? HtmlText.OwnText(element) : HtmlText.Normalize(element.TextContent);
            if (text.Length < MinScoredText)
            {
                continue;
            }

            var score = 1 + text.Count(c => c is ',' or '،') + Math.Min(text.Length / 100, 3);
            var ancestor = element.ParentElement;
            for (var level = 0; ancestor is not null && level < 3; level++, ancestor = ancestor.ParentElement)
            {
                if (!scores.ContainsKey(ancestor))
                {
                    scores[ancestor] = InitialScore(ancestor);
                }

                scores[ancestor] += level switch { 0 => score, 1 => score / 2.0, _ => score / (level * 3.0) };
            }
        }

        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (element, score) in scores)
        {
            var final = score * (1 - HtmlText.LinkDensity(element));
            if (final > bestScore)
            {
                best = element;
                bestScore = final;
            }
        }

        return best;
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "div" or "article" => 5,
            "pre" or "td" or "blockquote" => 3,
            "ol" or "ul" or "dl" or "dd" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var names = element.ClassName + " " + element.Id;
        if (Positive().IsMatch(names))
        {
            score += 25;
        }

        if (Boilerplate().IsMatch(names))
        {
            score -= 25;
        }

        return score;
    }

    private static List<IElement> WithSiblings(IElement top)
    {
        if (top.ParentElement is null)
        {
            return [top];
        }

        var content = new List<IElement>();
        foreach (var sibling in top.ParentElement.Children)
        {
            if (sibling == top)
            {
                content.Add(sibling);
                continue;
            }

            var text = HtmlText.Normalize(sibling.TextContent);
            var density = HtmlText.LinkDensity(sibling);
            // A lead paragraph beside the body (VnExpress's "description") belongs to the article.
            if (sibling.LocalName == "p" && ((text.Length > LongParagraph && density < 0.25) || (text.Length > 0 && density == 0 && text.EndsWith('.'))))
            {
                content.Add(sibling);
            }
        }

        return content;
    }

    private static bool LooksLikeArticle(List<IElement> content)
    {
        var paragraphs = 0;
        var proseLength = 0;
        var teasers = 0;
        foreach (var element in content)
        {
            foreach (var block in element.QuerySelectorAll("p, div, td, li").Prepend(element))
            {
                var text = block.LocalName is "div" or "td" ? HtmlText.OwnText(block) : HtmlText.Normalize(block.TextContent);
                if (text.Length >= LongParagraph && HtmlText.LinkDensity(block) < 0.25 && (block.LocalName != "li"))
                {
                    paragraphs++;
                    proseLength += text.Length;
                }
            }

            teasers += element.QuerySelectorAll("a").Count(a => HtmlText.Normalize(a.TextContent).Length >= 30);
        }

        // A home page's best container is a list of headlines, each a long link with a short lead.
        return paragraphs >= 3 && proseLength >= 400 && teasers < Math.Max(6, paragraphs);
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"(^|[\s_-])(article|body|content|entry|main|post|text|detail|story|fck)", RegexOptions.IgnoreCase)]
    private static partial Regex Positive();

    [GeneratedRegex(@"comment|related|relate\b|article-relate|share|social|banner|advert|\bads?\b|adsbygoogle|AdsPos|ads-zone|taitro|sponsor|promo|breadcrumb|menu|\bnav|navbar|footer|popup|modal|subscribe|newsletter|\btags?\b|tag-list|widget|recommend|readmore|xem-them|lien-quan|tinlienquan|box-tin|caption|image_desc|img_desc|desc_img|rating|toolbar|cookie|print|login|signup", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();
}
