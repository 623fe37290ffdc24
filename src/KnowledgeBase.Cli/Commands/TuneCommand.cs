using System.CommandLine;
using System.Globalization;
using KnowledgeBase.Search.Evaluation;

namespace KnowledgeBase.Cli.Commands;

/// <summary>
/// <c>kb tune --collections DIR --scores FILE [--settings FILE] [--reference FILE]</c>: leave-one-collection-out
/// figures. Builds each collection's index once, measures every weight setting (the coordinate-wise sweep of
/// <see cref="WeightSettings"/> unless <c>--settings</c> lists others, one <c>Name=value …</c> per line, an empty
/// line the default) as given and stripped (at most <c>--max-queries</c> of a collection, every k-th), then per held-out collection the combination of the coordinate values
/// that won on the other five, and prints the table of <see cref="LeaveOneOut"/> folds. Scores already in the
/// scores file are reused, so an interrupted run resumes.
/// </summary>
public static class TuneCommand
{
    public static Command Create()
    {
        var collections = new Option<DirectoryInfo>("--collections") { Description = "Folder of collections, each with passages.jsonl and queries.jsonl", Required = true };
        var scores = new Option<FileInfo>("--scores") { Description = "TSV of measured scores (collection, setting, MRR@10 given, stripped): read, then appended to", Required = true };
        var settings = new Option<FileInfo?>("--settings") { Description = "Weight settings to measure, one per line (default: the coordinate-wise sweep)" };
        var reference = new Option<FileInfo?>("--reference") { Description = "TSV of reference figures: collection, plain BM25, expert as given, expert stripped" };
        var maxQueries = new Option<int>("--max-queries") { Description = "At most this many queries of a collection, every k-th (0: all)" };
        var command = new Command("tune", "Leave-one-collection-out figures for a grid of ranking weights") { collections, scores, settings, reference, maxQueries };
        command.SetAction(result => Execute(
            result.GetValue(collections)!,
            result.GetValue(scores)!,
            result.GetValue(settings),
            result.GetValue(reference),
            result.GetValue(maxQueries),
            result.InvocationConfiguration.Output));
        return command;
    }

    private static int Execute(DirectoryInfo root, FileInfo scoresFile, FileInfo? settingsFile, FileInfo? referenceFile, int maxQueries, TextWriter output)
    {
        var names = root.GetDirectories().Where(d => File.Exists(Path.Combine(d.FullName, "queries.jsonl"))).Select(d => d.Name).Order(StringComparer.Ordinal).ToList();
        var grid = settingsFile is null ? WeightSettings.CoordinateSweep() : File.ReadAllLines(settingsFile.FullName).Select(l => l.Trim()).Distinct().ToList();
        var scores = scoresFile.Exists ? ReadScores(scoresFile.FullName) : [];
        var evaluators = new Dictionary<string, (RelevanceEvaluator Evaluator, IReadOnlyList<RelevanceQuery> Queries)>(StringComparer.Ordinal);
        try
        {
            Measure(grid);
            var combined = names.ToDictionary(c => c, c => LeaveOneOut.Combine(scores, c, names), StringComparer.Ordinal);
            Measure([.. combined.Values]);
            var folds = names.Select(c => LeaveOneOut.Fold(scores, c, names, [.. grid, combined[c]])).ToList();
            LocoTable.Write(output, folds, referenceFile is null ? null : ReadReference(referenceFile.FullName));
            return 0;
        }
        finally
        {
            foreach (var (evaluator, _) in evaluators.Values)
            {
                evaluator.Dispose();
            }
        }

        void Measure(IReadOnlyList<string> settings)
        {
            foreach (var name in names)
            {
                foreach (var setting in settings.Where(s => !scores.Any(x => x.Collection == name && x.Setting == s)))
                {
                    var (evaluator, queries) = EvaluatorFor(name);
                    var weights = WeightSettings.Parse(setting);
                    var given = RelevanceMetrics.Compute(queries, evaluator.Run(queries, weights)).Mrr10;
                    var stripped = RelevanceMetrics.Compute(queries, evaluator.Run(queries, weights, stripDiacritics: true)).Mrr10;
                    var score = new SettingScore(name, setting, given, stripped);
                    scores.Add(score);
                    File.AppendAllText(scoresFile.FullName, string.Create(CultureInfo.InvariantCulture, $"{name}\t{setting}\t{given:F6}\t{stripped:F6}\n"));
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} [{setting}] {given:F4} {stripped:F4}"));
                }
            }
        }

        (RelevanceEvaluator, IReadOnlyList<RelevanceQuery>) EvaluatorFor(string name)
        {
            if (!evaluators.TryGetValue(name, out var entry))
            {
                var folder = Path.Combine(root.FullName, name);
                var queries = RelevanceCollections.ReadQueries(Path.Combine(folder, "queries.jsonl"));
                var step = maxQueries > 0 ? (queries.Count + maxQueries - 1) / maxQueries : 1;
                entry = (new RelevanceEvaluator(RelevanceCollections.ReadPassages(Path.Combine(folder, "passages.jsonl"))), [.. queries.Where((_, i) => i % step == 0)]);
                evaluators[name] = entry;
            }

            return entry;
        }
    }

    private static List<SettingScore> ReadScores(string path) =>
        [.. File.ReadLines(path).Select(l => l.Split('\t')).Where(p => p.Length == 4)
            .Select(p => new SettingScore(p[0], p[1], double.Parse(p[2], CultureInfo.InvariantCulture), double.Parse(p[3], CultureInfo.InvariantCulture)))];

    private static Dictionary<string, (double Plain, double ExpertGiven, double ExpertStripped)> ReadReference(string path) =>
        File.ReadLines(path).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).Where(p => p.Length == 4)
            .ToDictionary(p => p[0], p => (Parse(p[1]), Parse(p[2]), Parse(p[3])), StringComparer.Ordinal);

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
