using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeBase.Ingestion.Isolation;

internal static class ChildJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
