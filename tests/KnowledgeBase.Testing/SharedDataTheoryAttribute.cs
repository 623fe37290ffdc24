using Xunit;

namespace KnowledgeBase.Testing;

/// <summary>A theory that reads <c>../shared/data</c>; skipped with a clear message where it is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!TestPaths.HasSharedData)
        {
            Skip = $"Evaluation data not found at {TestPaths.SharedData} (it sits beside the project on the team's machines and in CI).";
        }
    }
}
