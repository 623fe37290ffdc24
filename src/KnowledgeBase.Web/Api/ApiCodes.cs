using System.Text.Json;

namespace KnowledgeBase.Web.Api;

/// <summary>The machine-readable code of a refusal in the API's JSON: the enum member in snake_case, as enums are written.</summary>
internal static class ApiCodes
{
    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
    }
}
