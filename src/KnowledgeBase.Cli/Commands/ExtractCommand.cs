using System.CommandLine;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb extract FILE [--format text|json]</c>: the extracted text of one file. <c>text</c> prints the pages
/// separated by a form feed; <c>json</c> prints the whole <see cref="ExtractedDocument"/> (see
/// <see cref="ExtractedDocumentJson"/>). Exit codes: 0 done, 1 the file cannot be extracted (damaged, encrypted,
/// unknown format, missing), 2 bad settings. Settings come from KB_-prefixed environment variables
/// (e.g. <c>KB_Extraction__EnableOcr=false</c>). The ingestion worker runs this as a child process it can kill.
/// </summary>
public static class ExtractCommand
{
    public const int CannotExtract = 1;
    public const int BadSettings = 2;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The PDF, Word (.docx, .doc), OpenDocument (.odt), PowerPoint (.pptx), image (PNG, JPEG, TIFF), HTML or text file to extract." };
        var format = new Option<string>("--format") { Description = "text (pages separated by a form feed) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("extract", "Print the clean text of a file, page by page, with its quality report in JSON.") { file, format };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(file),
            parse.GetValue(format) ?? "text",
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    /// <summary>The services <c>kb extract</c> uses, configured from KB_-prefixed environment variables.</summary>
    public static ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables("KB_").Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKnowledgeBaseExtraction();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static async Task<int> RunAsync(FileInfo file, string format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var services = BuildServices();
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"kb extract: bad settings: {ex.Message}");
            return BadSettings;
        }

        ExtractedDocument document;
        try
        {
            if (!file.Exists)
            {
                throw new ExtractionException($"The file '{file.FullName}' does not exist.");
            }

            var kind = await FormatDetector.DetectAsync(file.FullName, file.Name, cancellationToken)
                ?? throw new ExtractionException("Unknown format: the file is not a PDF, a Word .docx or .doc, an .odt, a .pptx, a PNG/JPEG/TIFF image, an HTML page or plain text.");
            document = await services.GetRequiredService<ExtractorSelector>().ExtractAsync(file.FullName, kind, cancellationToken);
        }
        catch (ExtractionException ex)
        {
            await error.WriteLineAsync($"kb extract: {file.Name}: {ex.Message}");
            return CannotExtract;
        }
        catch (UnauthorizedAccessException ex)
        {
            await error.WriteLineAsync($"kb extract: {file.Name}: cannot be opened: {ex.Message}");
            return CannotExtract;
        }
        catch (IOException ex)
        {
            await error.WriteLineAsync($"kb extract: {file.Name}: cannot be read: {ex.Message}");
            return CannotExtract;
        }

        if (string.Equals(format, "json", StringComparison.Ordinal))
        {
            await output.WriteLineAsync(ExtractedDocumentJson.Serialize(document));
            return 0;
        }

        await output.WriteLineAsync(string.Join(PageText.PageSeparator, document.Pages.Select(p => p.Text)));
        foreach (var warning in document.Warnings)
        {
            await error.WriteLineAsync($"kb extract: warning: {warning}");
        }

        return 0;
    }
}
