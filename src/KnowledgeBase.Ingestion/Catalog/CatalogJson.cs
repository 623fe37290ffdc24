using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeBase.Ingestion.Catalog;

/// <summary>JSON settings for the catalog's JSON columns (blocks, tags, metadata).</summary>
internal static class CatalogJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("Unexpected null in the catalog.");
}
