using System.Globalization;

namespace KnowledgeBase.Search.Evaluation;

/// <summary>
/// Ranking weights written as overrides of <see cref="RankingWeights.Default"/>: <c>K1=1.2 B=0.75</c> (spaces or
/// commas between them; an empty text is the default). Only the query-time weights are named here: every one of
/// them can be measured over an index built once (the index keeps exact field lengths, not scores).
/// </summary>
public static class WeightSettings
{
    /// <summary>The weights a grid may vary, with the values of the coordinate-wise sweep around the default.</summary>
    public static IReadOnlyDictionary<string, float[]> Sweep { get; } = new Dictionary<string, float[]>(StringComparer.Ordinal)
    {
        ["Exact"] = [0.2f, 0.6f],
        ["Bigram"] = [0.4f, 0.8f],
        ["TitleFolded"] = [0.15f, 0.5f],
        ["TitleBigram"] = [0.1f, 0.2f, 0.4f],
        ["SentenceCoverage"] = [0.25f, 0.75f],
        ["K1"] = [0.6f, 1.2f],
        ["B"] = [0.75f, 1f],
        ["TitleB"] = [0.3f, 0.6f],
        ["BigramB"] = [0.3f, 0.6f],
        ["SpellingVariant"] = [0f, 1f],
        ["IdfPower"] = [1f, 1.6f],
        ["Navigation"] = [0f, 0.75f],
        ["Feedback"] = [0.1f],
    };

    /// <summary>The default and, for each weight of <see cref="Sweep"/>, each of its values with the others at default.</summary>
    public static IReadOnlyList<string> CoordinateSweep() =>
        [string.Empty, .. Sweep.SelectMany(s => s.Value.Select(v => Format(s.Key, v)))];

    /// <summary><paramref name="overrides"/> applied to <paramref name="start"/> (the default when null).</summary>
    public static RankingWeights Parse(string overrides, RankingWeights? start = null)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var weights = start ?? RankingWeights.Default;
        foreach (var pair in overrides.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException($"Not a weight setting: '{pair}' (expected Name=value).");
            }

            weights = With(weights, parts[0], value);
        }

        return weights;
    }

    /// <summary>One <c>Name=value</c> in the invariant culture.</summary>
    public static string Format(string name, float value) => string.Create(CultureInfo.InvariantCulture, $"{name}={value:0.###}");

    private static RankingWeights With(RankingWeights w, string name, float value) => name switch
    {
        "Folded" => w with { Folded = value },
        "Exact" => w with { Exact = value },
        "Bigram" => w with { Bigram = value },
        "TitleFolded" => w with { TitleFolded = value },
        "TitleExact" => w with { TitleExact = value },
        "TitleBigram" => w with { TitleBigram = value },
        "Name" => w with { Name = value },
        "Typo" => w with { Typo = value },
        "Acronym" => w with { Acronym = value },
        "SentenceCoverage" => w with { SentenceCoverage = value },
        "RerankDepth" => w with { RerankDepth = (int)value },
        "Navigation" => w with { Navigation = value },
        "Feedback" => w with { Feedback = value },
        "K1" => w with { K1 = value },
        "B" => w with { B = value },
        "TitleB" => w with { TitleB = value },
        "SpellingVariant" => w with { SpellingVariant = value },
        "BigramB" => w with { BigramB = value },
        "ExactB" => w with { ExactB = value },
        "IdfPower" => w with { IdfPower = value },
        "MaxTerms" => w with { MaxTerms = (int)value },
        "MaxPairs" => w with { MaxPairs = (int)value },
        "CommonTitleShare" => w with { CommonTitleShare = value },
        "CommonExactShare" => w with { CommonExactShare = value },
        _ => throw new FormatException($"Unknown ranking weight '{name}'."),
    };
}
