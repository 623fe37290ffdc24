using System.Globalization;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Core.Jobs;
using KnowledgeBase.Ingestion.Extraction;

namespace KnowledgeBase.Ingestion.Pipeline;

/// <summary>Derives a document's catalog entry from its job, what was extracted and any earlier version.</summary>
public static class DocumentBuilder
{
    private const int MaxTitleLength = 300;

    public static DocumentInfo Build(JobInfo job, ExtractedDocument extracted, long sizeBytes, DocumentInfo? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(extracted);
        var metadata = job.Metadata;
        return new DocumentInfo
        {
            Id = previous?.Id ?? job.DocumentId ?? DocumentIds.IdFromHash(job.ContentHash),
            Title = Clean(metadata.Title) ?? Clean(extracted.Title) ?? FirstHeading(extracted) ?? TitleFromFileName(job.FileName),
            Kind = job.Kind,
            ContentHash = job.ContentHash,
            ContentType = FormatDetector.ContentType(job.Kind, job.FileName),
            FileName = job.FileName,
            Source = job.Source,
            SourceUrl = metadata.SourceUrl ?? extracted.CanonicalUrl,
            Author = Clean(metadata.Author) ?? Clean(extracted.Author),
            Date = metadata.Date ?? extracted.Date,
            Language = extracted.Language ?? LanguageGuesser.Guess(extracted.Pages),
            PageCount = extracted.Pages.Count,
            SizeBytes = sizeBytes,
            Tags = metadata.Tags,
            Collection = Clean(metadata.Collection),
            Visibility = metadata.Visibility,
            AddedBy = metadata.AddedBy,
            AddedAt = previous?.AddedAt ?? now,
            Version = previous is null ? 1 : previous.Version + 1,
        };
    }

    public static string TitleFromFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName).Replace('_', ' ').Replace('-', ' ').Trim();
        return name.Length == 0 ? fileName : name;
    }

    private static string? FirstHeading(ExtractedDocument extracted) =>
        Clean(extracted.Pages.SelectMany(p => p.Blocks).FirstOrDefault(b => b.Kind == TextBlockKind.Heading)?.Text);

    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= MaxTitleLength
            ? collapsed
            : string.Concat(collapsed.AsSpan(0, MaxTitleLength).TrimEnd(), "…");
    }

    /// <summary>Why a document yielded nothing searchable, from its pages' verdicts.</summary>
    public static string NothingSearchable(ExtractedDocument extracted)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        if (extracted.Pages.Count == 0)
        {
            return "The document has no pages.";
        }

        var counts = extracted.Pages.GroupBy(p => p.Verdict).ToDictionary(g => g.Key, g => g.Count());
        var parts = new List<string>();
        if (counts.TryGetValue(PageVerdict.NeedsOcr, out var ocr))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{ocr} page(s) have no text layer and need OCR, which is not available here"));
        }

        if (counts.TryGetValue(PageVerdict.Garbled, out var garbled))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{garbled} page(s) are garbled (a font without a Unicode map)"));
        }

        if (counts.TryGetValue(PageVerdict.Empty, out var empty))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{empty} page(s) are empty"));
        }

        var summary = parts.Count == 0 ? "No searchable text was found." : "No searchable text: " + string.Join("; ", parts) + ".";
        return extracted.Warnings.Count == 0 ? summary : string.Join(" ", extracted.Warnings.Prepend(summary));
    }

    /// <summary>Pages whose text is worth searching (garbled text would only add noise).</summary>
    public static IReadOnlyList<ExtractedPage> SearchablePages(IEnumerable<ExtractedPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return [.. pages.Where(p => p.Verdict is PageVerdict.Ok or PageVerdict.Repaired or PageVerdict.Ocr or PageVerdict.OcrPoor && p.Blocks.Count > 0)];
    }
}
