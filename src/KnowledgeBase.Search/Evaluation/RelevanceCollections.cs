using System.Text.Json;

namespace KnowledgeBase.Search.Evaluation;

/// <summary>Reads the JSON-lines files of a relevance collection. Other fields on a line are ignored.</summary>
public static class RelevanceCollections
{
    public static IReadOnlyList<RelevancePassage> ReadPassages(string path) =>
        ReadLines(path, root => new RelevancePassage(
            Required(root, "id", path),
            root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString()! : string.Empty,
            Required(root, "text", path)));

    public static IReadOnlyList<RelevanceQuery> ReadQueries(string path) =>
        ReadLines(path, root => new RelevanceQuery(
            Required(root, "id", path),
            Required(root, "query", path),
            root.TryGetProperty("relevant", out var relevant) && relevant.ValueKind == JsonValueKind.Array
                ? relevant.EnumerateArray().Select(AsString).ToList()
                : []));

    private static List<T> ReadLines<T>(string path, Func<JsonElement, T> map)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var items = new List<T>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                items.Add(map(json.RootElement));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: not a JSON object ({e.Message}).", e);
            }
        }

        return items;
    }

    private static string Required(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? AsString(value)
            : throw new InvalidDataException($"{path}: a line has no \"{name}\".");

    private static string AsString(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
