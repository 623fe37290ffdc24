using System.Text.Json;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeBase.Ingestion.Isolation;

/// <summary>
/// What runs inside an extraction worker process: the entry point a host (the web app, <c>kb</c>) hands over to
/// when it is started with <see cref="Verb"/> as its first argument. It reads one request per line on standard
/// input (<c>{"kind","path"}</c>), extracts that file and writes one answer per line on standard output (preceded by a
/// <see cref="ProgressMarker"/> line per OCR'd page), until its input closes. It never starts a web server. The parent (<see cref="ChildProcessExtractionRunner"/>, through a
/// <see cref="PooledExtractionWorker"/>) kills it when a file runs over its limits.
/// </summary>
public static class ExtractionWorkerProgram
{
    public const string Verb = "__extract-worker";

    internal static readonly JsonSerializerOptions ProtocolJson = new(JsonSerializerDefaults.Web);

    /// <summary>Whether the host was started as an extraction worker (and should call <see cref="RunAsync"/>).</summary>
    public static bool IsWorkerInvocation(string[] args) => args is [Verb, ..];

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
        // OCR may report pages from several threads: one line at a time on the answer channel.
        var gate = new object();
        void Write(string text)
        {
            lock (gate)
            {
                output.WriteLine(text);
            }
        }

        using var progress = ExtractionProgress.Listen(() => Write(ProgressMarker));
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
                    var document = await ExtractionGuard.ExtractAsync(extractors, path, kind, CancellationToken.None);
                    answer = new ExtractionEnvelope { Document = ExtractedDocumentJson.Serialize(document) };
                }
                catch (ExtractionException e)
                {
                    answer = new ExtractionEnvelope { Error = e.Message, Permanent = e.IsPermanent };
                }
                catch (OutOfMemoryException)
                {
                    // The GC heap hard limit was reached: report it, then let this worker be replaced.
                    Write(JsonSerializer.Serialize(new ExtractionEnvelope { Error = OutOfMemoryMarker }, ProtocolJson));
                    return 3;
                }
            }

            Write(JsonSerializer.Serialize(answer, ProtocolJson));
        }

        return 0;
    }

    internal const string OutOfMemoryMarker = "out-of-memory";

    /// <summary>A line the worker writes before its answer each time a slow unit of work (an OCR'd page) is done.</summary>
    internal const string ProgressMarker = "progress";
}
