namespace KnowledgeBase.Search.Querying;

/// <summary>
/// A parsed user query. <see cref="FreeText"/> is every plain word in order (ranked as a whole: syllables,
/// accents, proximity); <see cref="Phrases"/> must appear as typed; each group in <see cref="Alternatives"/>
/// must match at least one of its members; <see cref="Exclusions"/> must not appear.
/// </summary>
public sealed record UserQuery
{
    public string FreeText { get; init; } = string.Empty;

    public IReadOnlyList<string> Phrases { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; init; } = [];

    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>Field filters typed in the query (<c>title:</c>, <c>type:</c>, <c>year:</c>, <c>tag:</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Filters { get; init; } = [];
}
