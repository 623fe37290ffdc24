namespace KnowledgeBase.Cli.Commands.Bench;

/// <summary>The options of <c>kb bench search</c>, already clamped to their ranges.</summary>
internal sealed record SearchBenchmarkSettings(
    string Passages,
    string[] Queries,
    int Every,
    int Warmup,
    string? Index,
    bool Keep,
    int Threads,
    int PerDocument,
    string[] Modes,
    bool Web,
    string? WebApp,
    bool Json,
    int IndexBatch = 1);
