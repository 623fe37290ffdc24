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
/// The child side of isolated extraction. A host (the web app, <c>kb</c>) started with <c>__extract-worker</c>
/// as its first argument becomes an extraction worker: it reads one request per line on standard input
/// (<c>{"kind","path"}</c>), extracts that file and writes one answer per line on standard output, until its
/// input closes. It never starts a web server. The parent kills it when a file runs over its limits.
/// </summary>
public static class ExtractionChild
{
    public const string Verb = "__extract-worker";

    internal static readonly JsonSerializerOptions ProtocolJson = new(JsonSerializerDefaults.Web);

    public static bool IsChildInvocation(string[] args) => args is [Verb, ..];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(1).ToArray())
            .Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddKnowledgeBaseExtraction()
            .BuildServiceProvider();
        var extractors = services.GetRequiredService<ExtractorSelector>();

        using var input = new StreamReader(Console.OpenStandardInput());
        await using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
        while (await input.ReadLineAsync() is { } line)
        {
            var request = JsonSerializer.Deserialize<ExtractionEnvelope>(line, ProtocolJson);
            ExtractionEnvelope answer;
            if (request?.Path is not { } path || !Enum.TryParse<DocumentKind>(request.Kind, out var kind))
            {
                answer = new ExtractionEnvelope { Error = "Malformed extraction request." };
            }
            else
            {
                try
                {
                    var document = await ExtractSafelyAsync(extractors, path, kind, CancellationToken.None);
                    answer = new ExtractionEnvelope { Document = ExtractedDocumentJson.Serialize(document) };
                }
                catch (ExtractionException e)
                {
                    answer = new ExtractionEnvelope { Error = e.Message, Permanent = e.IsPermanent };
                }
                catch (OutOfMemoryException)
                {
                    // The GC heap hard limit was reached: report it, then let this worker be replaced.
                    await output.WriteLineAsync(JsonSerializer.Serialize(new ExtractionEnvelope { Error = OutOfMemoryMarker }, ProtocolJson));
                    return 3;
                }
            }

            await output.WriteLineAsync(JsonSerializer.Serialize(answer, ProtocolJson));
        }

        return 0;
    }

    internal const string OutOfMemoryMarker = "out-of-memory";

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
