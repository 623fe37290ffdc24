using System.Globalization;
using KnowledgeBase.Search.Evaluation;

namespace KnowledgeBase.Cli.Commands;

/// <summary>The markdown table of leave-one-collection-out folds that docs/relevance.md shows.</summary>
internal static class LocoTable
{
    public static void Write(TextWriter output, IReadOnlyList<LocoFold> folds, IReadOnlyDictionary<string, (double Plain, double ExpertGiven, double ExpertStripped)>? reference)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("| held-out collection | weights chosen on the other five | default as given | default stripped | LOCO as given | LOCO stripped | expert as given | expert stripped | LOCO − expert (given / stripped) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var fold in folds)
        {
            var expert = reference is not null && reference.TryGetValue(fold.HeldOut, out var r) ? r : (double.NaN, double.NaN, double.NaN);
            var setting = fold.Chosen.Length == 0 ? "default" : $"`{fold.Chosen}`";
            output.WriteLine(string.Create(c, $"| {fold.HeldOut} | {setting} | {fold.Default.Given:F4} | {fold.Default.Stripped:F4} | {fold.Scored.Given:F4} | {fold.Scored.Stripped:F4} | {Number(expert.Item2)} | {Number(expert.Item3)} | {Margin(fold.Scored.Given - expert.Item2)} / {Margin(fold.Scored.Stripped - expert.Item3)} |"));
        }

        double Mean(Func<LocoFold, double> value) => folds.Count == 0 ? double.NaN : folds.Average(value);
        var eg = reference is null ? double.NaN : folds.Average(f => reference.TryGetValue(f.HeldOut, out var x) ? x.ExpertGiven : double.NaN);
        var es = reference is null ? double.NaN : folds.Average(f => reference.TryGetValue(f.HeldOut, out var x) ? x.ExpertStripped : double.NaN);
        var (lg, ls) = (Mean(f => f.Scored.Given), Mean(f => f.Scored.Stripped));
        output.WriteLine(string.Create(c, $"| **macro average** | | {Mean(f => f.Default.Given):F4} | {Mean(f => f.Default.Stripped):F4} | **{lg:F4}** | **{ls:F4}** | {Number(eg)} | {Number(es)} | {Margin(lg - eg)} / {Margin(ls - es)} |"));

        string Number(double value) => double.IsNaN(value) ? "–" : value.ToString("F3", c);
        string Margin(double value) => double.IsNaN(value) ? "–" : value.ToString("+0.000;-0.000", c);
    }
}
