using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Vietnamese.Legacy;
using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Ingestion.Extraction.Html;

/// <summary>
/// A web article's main content: title, published date, author, canonical URL and body paragraphs, without
/// navigation, related links, ads, share bars, captions or comments. The body is found by scoring containers
/// by the prose they hold (the Readability approach); a page whose best container is a list of teasers (a home
/// page) gives a warning and no invented article. Stateless and thread-safe.
/// </summary>
public sealed partial class HtmlExtractor : IDocumentExtractor
{
    /// <summary>The warning given for a page that holds no single article.</summary>
    public const string NoArticleWarning = "No single article was found on this page (it looks like a home or list page); no article text was extracted.";

    private const int MinScoredText = 25;
    private const int LongParagraph = 80;

    private static readonly HashSet<string> Removed = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "form", "button", "input", "select", "textarea",
        "nav", "aside", "figure", "figcaption", "picture", "video", "audio", "canvas", "object", "embed", "map", "dialog",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "footer", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr",
        "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd", "center", "hr", "address",
    };

    public bool CanExtract(DocumentKind kind) => kind == DocumentKind.Html;

    public async Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new ExtractionException($"The file '{path}' does not exist.");
        }

        await using var stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            throw new ExtractionException("The file is empty (0 bytes).");
        }

        var document = await new HtmlParser().ParseDocumentAsync(stream, cancellationToken);
        return Extract(document);
    }

    /// <summary>Extracts from HTML markup already in memory.</summary>
    public static ExtractedDocument ExtractHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return Extract(new HtmlParser().ParseDocument(html));
    }

    private static ExtractedDocument Extract(IDocument document)
    {
        var metadata = ReadMetadata(document);
        var body = document.Body;
        if (body is null)
        {
            return NoArticle(metadata, "The page has no body.");
        }

        Clean(body);
        var top = FindTopCandidate(body);
        if (top is null)
        {
            return NoArticle(metadata, NoArticleWarning);
        }

        var content = WithSiblings(top);
        if (!LooksLikeArticle(content))
        {
            return NoArticle(metadata, NoArticleWarning);
        }

        var title = TitleFor(document, top, metadata);
        var blocks = new List<TextBlock>();
        if (title is not null)
        {
            blocks.Add(new TextBlock(title, TextBlockKind.Heading, 1));
        }

        var emitted = new List<(TextBlock Block, IElement Element)>();
        foreach (var element in content)
        {
            Emit(element, emitted);
        }

        var author = metadata.Author;
        if (emitted.Count > 1 && IsByline(emitted[^1].Element, emitted[^1].Block.Text))
        {
            author = emitted[^1].Block.Text;
            emitted.RemoveAt(emitted.Count - 1);
        }

        foreach (var (block, _) in emitted)
        {
            if (title is null || !string.Equals(block.Text, title, StringComparison.Ordinal))
            {
                blocks.Add(block);
            }
        }

        blocks = RepairLegacy(blocks, out var repaired);
        var text = string.Join(PageText.BlockSeparator, blocks.Select(b => b.Text));
        var page = new ExtractedPage
        {
            Number = 1,
            Blocks = blocks,
            Method = blocks.Count == 0 ? ExtractionMethod.Empty : repaired switch
            {
                LegacyEncoding.Tcvn3 => ExtractionMethod.LegacyTcvn3,
                LegacyEncoding.Vni => ExtractionMethod.LegacyVni,
                _ => ExtractionMethod.TextLayer,
            },
            Quality = ExtractionQuality.Measure(text),
            Verdict = blocks.Count == 0 ? PageVerdict.Empty : repaired == LegacyEncoding.None ? PageVerdict.Ok : PageVerdict.Repaired,
        };
        return new ExtractedDocument
        {
            Title = blocks.FirstOrDefault(b => b.Kind == TextBlockKind.Heading)?.Text ?? title,
            Author = author,
            Date = metadata.Date,
            CanonicalUrl = metadata.CanonicalUrl,
            Language = metadata.Language,
            Pages = [page],
        };
    }

    private static ExtractedDocument NoArticle(Metadata metadata, string warning) => new()
    {
        Title = metadata.Title,
        CanonicalUrl = metadata.CanonicalUrl,
        Language = metadata.Language,
        Pages = [new ExtractedPage { Number = 1, Method = ExtractionMethod.Empty, Verdict = PageVerdict.Empty }],
        Warnings = [warning],
    };

    private static List<TextBlock> RepairLegacy(List<TextBlock> blocks, out LegacyEncoding encoding)
    {
        var joined = string.Join("\n", blocks.Select(b => b.Text));
        encoding = LegacyEncodingDetector.Detect(joined);
        if (encoding == LegacyEncoding.None)
        {
            return blocks;
        }

        var used = encoding;
        return [.. blocks.Select(b => b with { Text = LegacyText.ToUnicode(b.Text, used) })];
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
            var text = isContainer ? OwnText(element) : Normalize(element.TextContent);
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
            var final = score * (1 - LinkDensity(element));
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

            var text = Normalize(sibling.TextContent);
            var density = LinkDensity(sibling);
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
                var text = block.LocalName is "div" or "td" ? OwnText(block) : Normalize(block.TextContent);
                if (text.Length >= LongParagraph && LinkDensity(block) < 0.25 && (block.LocalName != "li"))
                {
                    paragraphs++;
                    proseLength += text.Length;
                }
            }

            teasers += element.QuerySelectorAll("a").Count(a => Normalize(a.TextContent).Length >= 30);
        }

        // A home page's best container is a list of headlines, each a long link with a short lead.
        return paragraphs >= 3 && proseLength >= 400 && teasers < Math.Max(6, paragraphs);
    }

    private static void Emit(IElement element, List<(TextBlock Block, IElement Element)> blocks)
    {
        switch (element.LocalName)
        {
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Add(blocks, element, TextBlockKind.Heading, element.LocalName[1] - '0');
                return;
            case "p" or "pre" or "dt" or "dd" or "address":
                Add(blocks, element, TextBlockKind.Paragraph, 0);
                return;
            case "li" when !HasBlockChild(element):
                Add(blocks, element, TextBlockKind.ListItem, 0);
                return;
            case "tr":
                var cells = element.Children.Where(c => c.LocalName is "td" or "th").Select(c => Normalize(InlineText(c))).Where(t => t.Length > 0).ToList();
                if (cells.Count > 0)
                {
                    blocks.Add((new TextBlock(string.Join(" | ", cells), TextBlockKind.TableRow), element));
                }

                return;
            default:
                break;
        }

        if (IsTeaser(element))
        {
            return;
        }

        // A container: runs of inline content between its block children are paragraphs of their own.
        var run = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child && (BlockTags.Contains(child.LocalName) || child.LocalName == "br" && run.Length > 0 && EndsRunAtBreak(child)))
            {
                AddRun(blocks, element, run);
                if (child.LocalName != "br")
                {
                    Emit(child, blocks);
                }

                continue;
            }

            AppendInline(run, node);
        }

        AddRun(blocks, element, run);
    }

    // Two <br> in a row separate paragraphs; one is a line break inside a paragraph.
    private static bool EndsRunAtBreak(IElement br) =>
        br.NextElementSibling?.LocalName == "br" && string.IsNullOrWhiteSpace(br.NextSibling?.TextContent ?? string.Empty);

    private static void AddRun(List<(TextBlock Block, IElement Element)> blocks, IElement element, StringBuilder run)
    {
        var text = Normalize(run.ToString());
        run.Clear();
        if (text.Length > 0)
        {
            blocks.Add((new TextBlock(text), element));
        }
    }

    private static void Add(List<(TextBlock Block, IElement Element)> blocks, IElement element, TextBlockKind kind, int level)
    {
        var text = Normalize(InlineText(element));
        if (text.Length == 0)
        {
            return;
        }

        // Lines of links inside the body ("Xem thêm: …") are navigation, not prose.
        if (kind != TextBlockKind.Heading && LinkDensity(element) > 0.6 && text.Length < 300)
        {
            return;
        }

        blocks.Add((new TextBlock(text, kind, level), element));
    }

    // A box promoting another article inside the body: a heading that is all link, and little else.
    private static bool IsTeaser(IElement element)
    {
        var heading = element.QuerySelector("h2, h3, h4, h5, h6");
        return heading is not null && LinkDensity(heading) > 0.9 && Normalize(element.TextContent).Length < 400
            && element.QuerySelectorAll("p").Length <= 1;
    }

    private static bool HasBlockChild(IElement element) =>
        element.Children.Any(c => c.LocalName is "p" or "div" or "ul" or "ol" or "table" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote");

    private static string InlineText(IElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            AppendInline(builder, node);
        }

        return builder.ToString();
    }

    private static void AppendInline(StringBuilder builder, INode node)
    {
        if (node.NodeType == NodeType.Text)
        {
            AppendSeparated(builder, node.TextContent);
            return;
        }

        if (node is not IElement element)
        {
            return;
        }

        if (element.LocalName == "br")
        {
            builder.Append(' ');
            return;
        }

        var inner = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            AppendInline(inner, child);
        }

        AppendSeparated(builder, inner.ToString());
    }

    // Vietnamese separates syllables with spaces, so two letters meeting at an element boundary ("TP HCM" in a
    // stamp span before the lead) belong to different words.
    private static void AppendSeparated(StringBuilder builder, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (builder.Length > 0 && char.IsLetterOrDigit(builder[^1]) && char.IsLetterOrDigit(text[0]))
        {
            builder.Append(' ');
        }

        builder.Append(text);
    }

    private static string OwnText(IElement element)
    {
        var builder = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node.NodeType == NodeType.Text)
            {
                builder.Append(node.TextContent);
            }
            else if (node is IElement child && !BlockTags.Contains(child.LocalName))
            {
                AppendInline(builder, child);
            }
        }

        return Normalize(builder.ToString());
    }

    private static double LinkDensity(IElement element)
    {
        var length = element.TextContent.Length;
        if (length == 0)
        {
            return 0;
        }

        var links = element.LocalName == "a" ? length : element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return Math.Min(1.0, (double)links / length);
    }

    private static bool IsByline(IElement element, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (words is 0 or > 6 || text.EndsWith('.') || element.LocalName != "p")
        {
            return false;
        }

        var style = element.GetAttribute("style") ?? string.Empty;
        var strongOnly = element.Children.Length > 0 && element.Children.All(c => c.LocalName is "strong" or "b")
            && Normalize(string.Concat(element.Children.Select(c => c.TextContent))).Length == text.Length;
        return strongOnly || style.Contains("right", StringComparison.OrdinalIgnoreCase)
            || (element.ClassName ?? string.Empty).Contains("author", StringComparison.OrdinalIgnoreCase);
    }

    private static string? TitleFor(IDocument document, IElement top, Metadata metadata)
    {
        // The article's own heading: an h1 in the body container or the one around it.
        for (var scope = top; scope is not null; scope = scope.ParentElement)
        {
            var h1 = scope.QuerySelector("h1");
            if (h1 is not null && Normalize(h1.TextContent) is { Length: > 0 } heading)
            {
                return heading;
            }

            if (scope.LocalName == "body")
            {
                break;
            }
        }

        return metadata.Title ?? CleanTitle(document.Title);
    }

    private static string? CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = Normalize(title);
        foreach (var separator in (ReadOnlySpan<string>)[" | ", " - ", " – "])
        {
            var at = text.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 10)
            {
                text = text[..at];
            }
        }

        return text;
    }

    private static Metadata ReadMetadata(IDocument document)
    {
        string? Meta(params string[] names)
        {
            foreach (var name in names)
            {
                var element = document.QuerySelector($"meta[property='{name}'], meta[name='{name}'], meta[itemprop='{name}']");
                var value = element?.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return Normalize(value);
                }
            }

            return null;
        }

        var jsonLd = ReadJsonLd(document);
        var dateText = Meta("article:published_time", "datePublished", "pubdate", "publishdate", "dc.date.issued", "date")
            ?? jsonLd.Date
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime")
            ?? document.QuerySelectorAll("[class*=date], [class*=time]").Select(e => e.TextContent).FirstOrDefault(t => VisibleDate().IsMatch(t));
        var author = Meta("author", "article:author", "dc.creator") ?? jsonLd.Author;
        if (author is not null && (author.StartsWith("http", StringComparison.OrdinalIgnoreCase) || author.Contains('.', StringComparison.Ordinal)))
        {
            author = jsonLd.Author;
        }

        var canonical = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta("og:url");
        var language = document.DocumentElement?.GetAttribute("lang");
        return new Metadata(Meta("og:title", "twitter:title", "title"), author, ParseDate(dateText), canonical?.Trim(), string.IsNullOrWhiteSpace(language) ? null : language);
    }

    private static (string? Date, string? Author) ReadJsonLd(IDocument document)
    {
        string? date = null;
        string? author = null;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                Visit(json.RootElement, ref date, ref author);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other metadata still applies.
            }
        }

        return (date, author);
    }

    private static void Visit(JsonElement element, ref string? date, ref string? author)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, ref date, ref author);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (date is null && element.TryGetProperty("datePublished", out var published) && published.ValueKind == JsonValueKind.String)
        {
            date = published.GetString();
        }

        // An organisation as author is the publisher, not a byline.
        if (author is null && element.TryGetProperty("author", out var by))
        {
            var person = by.ValueKind == JsonValueKind.Array && by.GetArrayLength() > 0 ? by[0] : by;
            if (person.ValueKind == JsonValueKind.Object && person.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && !(person.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Organization"))
            {
                author = name.GetString();
            }
        }

        if (element.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, ref date, ref author);
        }
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var iso = IsoDate().Match(text);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        var visible = VisibleDate().Match(text);
        return visible.Success && DateOnly.TryParseExact(visible.Value, ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? date
            : null;
    }

    private static string Normalize(string text) =>
        VietnameseText.ToNfc(Whitespace().Replace(text.Replace('\u00A0', ' '), " ").Trim());

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b\d{1,2}[/-]\d{1,2}[/-]\d{4}\b")]
    private static partial Regex VisibleDate();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"(^|[\s_-])(article|body|content|entry|main|post|text|detail|story|fck)", RegexOptions.IgnoreCase)]
    private static partial Regex Positive();

    [GeneratedRegex(@"comment|related|relate\b|article-relate|share|social|banner|advert|\bads?\b|adsbygoogle|AdsPos|ads-zone|taitro|sponsor|promo|breadcrumb|menu|\bnav|navbar|footer|popup|modal|subscribe|newsletter|\btags?\b|tag-list|widget|recommend|readmore|xem-them|lien-quan|tinlienquan|box-tin|caption|image_desc|img_desc|desc_img|rating|toolbar|cookie|print|login|signup", RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();

    private sealed record Metadata(string? Title, string? Author, DateOnly? Date, string? CanonicalUrl, string? Language);
}
