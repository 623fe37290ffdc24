using System.CommandLine;

namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary><c>kb bench</c>: timings measured on this machine, one subcommand per subject.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks measured on this machine.");
        bench.Subcommands.Add(ExtractionBenchmark.Create());
        bench.Subcommands.Add(IngestBenchmark.Create());
        bench.Subcommands.Add(SearchBenchmark.Create());
        return bench;
    }
}
