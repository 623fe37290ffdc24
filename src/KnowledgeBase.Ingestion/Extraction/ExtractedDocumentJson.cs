using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Extraction;

/// <summary>
/// The JSON form of an <see cref="ExtractedDocument"/>, as <c>kb extract --format json</c> prints it and the
/// ingestion pipeline reads it back from an extraction worker process: camelCase names, enums as lower-case
/// strings ("legacy_tcvn3", "needs_ocr"), every field including the blocks, so that it round-trips losslessly.
/// Each page also carries its joined <c>text</c> for readers that want only that (ignored when read back:
/// it is derived from the blocks). Thread-safe.
/// </summary>
public static class ExtractedDocumentJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions IndentedOptions = CreateOptions(indented: true);

    public static string Serialize(ExtractedDocument document, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, indented ? IndentedOptions : Options);
    }

    public static Task SerializeAsync(Stream stream, ExtractedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.SerializeAsync(stream, document, Options, cancellationToken);
    }

    /// <summary>Reads a document back; malformed JSON throws <see cref="ExtractionException"/>.</summary>
    public static ExtractedDocument Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<ExtractedDocument>(json, Options)
                ?? throw new ExtractionException("The extraction output was empty (JSON null).");
        }
        catch (JsonException ex)
        {
            throw new ExtractionException("The extraction output is not valid JSON: " + ex.Message, ex);
        }
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // Vietnamese stays readable in the output instead of \u escapes.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
