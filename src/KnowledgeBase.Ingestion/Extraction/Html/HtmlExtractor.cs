using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Extraction.Html;

/// <summary>
/// A web article's main content: title, published date, author, canonical URL and body paragraphs, without
/// navigation, related links, ads, share bars, captions or comments. The body is found by scoring containers
/// by the prose they hold (the Readability approach, <see cref="ArticleFinder"/>); a page whose best container is
/// a list of teasers (a home page) gives a warning and no invented article. Its elements become blocks through
/// <see cref="HtmlBlockBuilder"/>, the page's own description of itself is read by <see cref="HtmlMetadataReader"/>.
/// Stateless and thread-safe.
/// </summary>
public sealed class HtmlExtractor : IDocumentExtractor
{
    /// <summary>The warning given for a page that holds no single article.</summary>
    public const string NoArticleWarning = "No single article was found on this page (it looks like a home or list page); no article text was extracted.";

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

    private static ExtractedDocument Extract(IDocument document)
    {
        // Metadata first: finding the article removes elements a visible date may sit in.
        var metadata = HtmlMetadataReader.Read(document);
        var body = document.Body;
        if (body is null)
        {
            return NoArticle(metadata, "The page has no body.");
        }

        if (!ArticleFinder.TryFind(body, out var top, out var content))
        {
            return NoArticle(metadata, NoArticleWarning);
        }

        var title = HtmlMetadataReader.TitleFor(document, top, metadata);
        var blocks = new List<TextBlock>();
        if (title is not null)
        {
            blocks.Add(new TextBlock(title, TextBlockKind.Heading, 1));
        }

        var emitted = HtmlBlockBuilder.Build(content);
        var author = metadata.Author;
        if (emitted.Count > 1 && HtmlMetadataReader.IsByline(emitted[^1].Element, emitted[^1].Block.Text))
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

        blocks = SinglePage.RepairLegacy(blocks, out var repaired);
        var page = SinglePage.Build(blocks, repaired);
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

    private static ExtractedDocument NoArticle(HtmlMetadata metadata, string warning) => new()
    {
        Title = metadata.Title,
        CanonicalUrl = metadata.CanonicalUrl,
        Language = metadata.Language,
        Pages = [new ExtractedPage { Number = 1, Method = ExtractionMethod.Empty, Verdict = PageVerdict.Empty }],
        Warnings = [warning],
    };
}
