using Xunit;

namespace KnowledgeBase.Testing;

/// <summary>A theory that reads <c>../shared/data</c>; skipped with a clear message where it is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        Skip = TestPaths.SharedDataMissing;
    }
}
