using System.ComponentModel;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Ingestion.Extraction.Word;

/// <summary>
/// A Word 97–2003 (.doc) file through Debian's <c>antiword</c> (UTF-8 output, one line per paragraph), run under
/// <see cref="ExtractionOptions.LegacyWordTimeout"/>; a file antiword finds too short is read by <c>catdoc</c>
/// when it is installed. Form feeds (hard page breaks) split pages; table rows (<c>|a|b|</c>) become row blocks;
/// legacy TCVN3/VNI text is repaired as in the other formats. Title, author and date come from the file's
/// SummaryInformation properties (<see cref="OleSummaryInformation"/>) when it has them. Without the program the
/// file fails with a reason naming it. Thread-safe.
/// </summary>
public sealed class LegacyWordExtractor(IOptions<ExtractionOptions> options) : IDocumentExtractor
{
    private const string TooSmall = "too small to handle";
    private readonly ExtractionOptions _options = options.Value;

    public bool CanExtract(DocumentKind kind) => kind == DocumentKind.LegacyWord;

    public async Task<ExtractedDocument> ExtractAsync(string path, CancellationToken cancellationToken)
    {
        ExtractionInput.RequireNonEmptyFile(path);
        var antiword = ExternalProgram.Locate(_options.AntiwordPath)
            ?? throw new ExtractionException($"Word 97–2003 (.doc) files are read by the program '{_options.AntiwordPath}', which is not installed here (Debian package antiword).");
        var result = await RunAsync(antiword, ["-m", "UTF-8.txt", "-w", "0", path], cancellationToken);
        if (result.ExitCode != 0 && result.StandardError.Contains(TooSmall, StringComparison.Ordinal)
            && ExternalProgram.Locate(_options.CatdocPath) is { } catdoc)
        {
            result = await RunAsync(catdoc, ["-d", "utf-8", "-w", path], cancellationToken);
        }

        if (result.ExitCode != 0)
        {
            throw new ExtractionException("The Word 97–2003 file could not be read: " + Reason(result.StandardError, path));
        }

        var pages = result.StandardOutput.Split('\f')
            .Select(Blocks)
            .Where(b => b.Count > 0)
            .Select((blocks, index) => SinglePage.Repaired(blocks, index + 1))
            .ToList();
        var properties = OleSummaryInformation.Read(path);

        // The properties are written in the same legacy font as the body: repaired the same way.
        var encoding = SinglePage.LegacyEncodingOf(pages);
        return new ExtractedDocument
        {
            Title = SinglePage.RepairLike(properties.Title, encoding),
            Author = SinglePage.RepairLike(properties.Author, encoding),
            Date = properties.Created,
            Pages = pages.Count == 0 ? [SinglePage.Build([], Vietnamese.Legacy.LegacyEncoding.None)] : pages,
        };
    }

    private async Task<ExternalProgramResult> RunAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ExternalProgram.RunAsync(program, arguments, _options.LegacyWordTimeout, cancellationToken);
            return result.TimedOut
                ? throw new ExtractionException($"Reading the Word 97–2003 file took longer than {_options.LegacyWordTimeout}; it was stopped.")
                : result;
        }
        catch (Win32Exception ex)
        {
            throw new ExtractionException($"The program '{program}' could not be started: {ex.Message}", ex);
        }
    }

    private static List<TextBlock> Blocks(string text)
    {
        var blocks = new List<TextBlock>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('|') && trimmed.EndsWith('|') && trimmed.Length > 1)
            {
                var cells = trimmed[1..^1].Split('|').Select(ExtractionInput.Collapse).Where(c => c.Length > 0).ToList();
                if (cells.Count > 0)
                {
                    blocks.Add(new TextBlock(string.Join(" | ", cells), TextBlockKind.TableRow));
                }

                continue;
            }

            var collapsed = ExtractionInput.Collapse(trimmed);
            if (collapsed.Length > 0)
            {
                blocks.Add(new TextBlock(collapsed));
            }
        }

        return blocks;
    }

    // antiword names the file in its messages; the reason should not carry the stored file's path.
    private static string Reason(string standardError, string path)
    {
        var line = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
        line = line.Replace(path, "the file", StringComparison.Ordinal);
        return line.Contains("Encrypted", StringComparison.OrdinalIgnoreCase)
            ? "it is password-protected (encrypted documents are not supported); save it without a password."
            : line;
    }
}
