using System.Text.Json;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// The child side of isolated extraction. A host (the web app, <c>kb</c>) that is started with
/// <c>__extract-child KIND PATH</c> as its first arguments extracts that one file, writes an
/// <see cref="ExtractionEnvelope"/> as JSON to standard output and exits — it never starts a web server.
/// </summary>
public static class ExtractionChild
{
    public const string Verb = "__extract-child";
    internal const int ExitOk = 0;
    internal const int ExitFailed = 2;
    internal const int ExitOutOfMemory = 3;

    public static bool IsChildInvocation(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 3 || !Enum.TryParse<DocumentKind>(args[1], out var kind))
        {
            await Console.Error.WriteLineAsync($"usage: {Verb} KIND PATH");
            return ExitFailed;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddKnowledgeBaseExtraction()
            .BuildServiceProvider();

        ExtractionEnvelope envelope;
        int exit;
        try
        {
            var document = await ExtractSafelyAsync(services.GetRequiredService<ExtractorSelector>(), args[2], kind, CancellationToken.None);
            envelope = new ExtractionEnvelope { Document = document };
            exit = ExitOk;
        }
        catch (ExtractionException e)
        {
            envelope = new ExtractionEnvelope { Error = e.Message, Permanent = e.IsPermanent };
            exit = ExitFailed;
        }
        catch (OutOfMemoryException)
        {
            envelope = new ExtractionEnvelope { Error = "out of memory" };
            exit = ExitOutOfMemory;
        }

        await using var stdout = Console.OpenStandardOutput();
        await JsonSerializer.SerializeAsync(stdout, envelope, ChildJson.Options);
        await stdout.FlushAsync();
        return exit;
    }

    /// <summary>Runs the extractor and turns the parsers' own exceptions into reasons a person can read.</summary>
    public static async Task<ExtractedDocument> ExtractSafelyAsync(ExtractorSelector extractors, string path, DocumentKind kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extractors);
        try
        {
            return await extractors.ExtractAsync(path, kind, cancellationToken);
        }
        catch (ExtractionException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (OutOfMemoryException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ExtractionException("The PDF is encrypted (password-protected); it cannot be read.", isPermanent: true, e);
        }
        catch (PdfDocumentFormatException e)
        {
            throw new ExtractionException($"The PDF is damaged or not a valid PDF: {e.Message}", isPermanent: true, e);
        }
        catch (IOException e)
        {
            throw new ExtractionException($"The file could not be read: {e.Message}", isPermanent: false, e);
        }
#pragma warning disable CA1031 // Any other parser failure is a property of the file: report it as a permanent failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new ExtractionException(ExtractionMessages.Unexpected(e), isPermanent: true, e);
        }
    }
}
