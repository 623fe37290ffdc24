namespace KnowledgeBase.Search.Evaluation;

/// <summary>MRR@10 of one weight setting on one collection, queries as given and with diacritics stripped.</summary>
public sealed record SettingScore(string Collection, string Setting, double Given, double Stripped)
{
    /// <summary>What a setting is chosen by: as given and stripped count the same.</summary>
    public double Objective => (Given + Stripped) / 2;
}

/// <summary>One fold: the setting chosen on the other collections, and how it and the default score on the held-out one.</summary>
public sealed record LocoFold(string HeldOut, string Chosen, double ChosenOnOthers, double DefaultOnOthers, SettingScore Default, SettingScore Scored);

/// <summary>
/// Leave-one-collection-out selection: for each collection, the weight setting with the best macro MRR@10
/// (as given and stripped averaged) over the other collections, scored on the held-out one. Candidates are
/// the measured settings plus, per fold, the combination of the coordinate values that won on the other
/// collections (<see cref="Combine"/>), so nothing of the held-out collection chooses its weights.
/// </summary>
public static class LeaveOneOut
{
    /// <summary>Macro objective of <paramref name="setting"/> over <paramref name="collections"/>; NaN when one is unmeasured.</summary>
    public static double Macro(IReadOnlyList<SettingScore> scores, string setting, IEnumerable<string> collections)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var values = collections.Select(c => scores.FirstOrDefault(s => s.Collection == c && s.Setting == setting)?.Objective ?? double.NaN).ToList();
        return values.Count == 0 ? double.NaN : values.Average();
    }

    /// <summary>
    /// For each weight of <see cref="WeightSettings.Sweep"/>, the value (the default's included) with the best
    /// macro over every collection but <paramref name="heldOut"/>; the winners that are not the default, as one setting.
    /// </summary>
    public static string Combine(IReadOnlyList<SettingScore> scores, string heldOut, IReadOnlyList<string> collections)
    {
        ArgumentNullException.ThrowIfNull(collections);
        var others = collections.Where(c => c != heldOut).ToList();
        var baseline = Macro(scores, string.Empty, others);
        var chosen = new List<string>();
        foreach (var (name, values) in WeightSettings.Sweep)
        {
            var best = values
                .Select(v => WeightSettings.Format(name, v))
                .Select(s => (Setting: s, Macro: Macro(scores, s, others)))
                .Where(s => !double.IsNaN(s.Macro))
                .OrderByDescending(s => s.Macro)
                .FirstOrDefault();
            if (best.Setting is not null && best.Macro > baseline)
            {
                chosen.Add(best.Setting);
            }
        }

        return string.Join(' ', chosen);
    }

    /// <summary>The fold of <paramref name="heldOut"/>: the best of <paramref name="candidates"/> on the others (the default on ties).</summary>
    public static LocoFold Fold(IReadOnlyList<SettingScore> scores, string heldOut, IReadOnlyList<string> collections, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(collections);
        var others = collections.Where(c => c != heldOut).ToList();
        var defaultOnOthers = Macro(scores, string.Empty, others);
        var (chosen, onOthers) = (string.Empty, defaultOnOthers);
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            var macro = Macro(scores, candidate, others);
            if (!double.IsNaN(macro) && macro > onOthers + 1e-9)
            {
                (chosen, onOthers) = (candidate, macro);
            }
        }

        SettingScore Score(string setting) => scores.First(s => s.Collection == heldOut && s.Setting == setting);
        return new LocoFold(heldOut, chosen, onOthers, defaultOnOthers, Score(string.Empty), Score(chosen));
    }
}
