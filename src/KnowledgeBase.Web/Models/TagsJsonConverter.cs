using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeBase.Web.Models;

/// <summary>
/// Reads tags as a comma-separated string (<c>"a, b"</c>, the form's shape) or as a JSON array of strings
/// (<c>["a", "b"]</c>, the shape <c>GET /api/documents/{id}</c> returns), into the comma-separated form; writes the string.
/// </summary>
public sealed class TagsJsonConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartArray:
                var tags = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new JsonException("Tags must be strings.");
                    }

                    tags.Add(reader.GetString()!);
                }

                return string.Join(',', tags);
            default:
                throw new JsonException("Tags must be a string or an array of strings.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
