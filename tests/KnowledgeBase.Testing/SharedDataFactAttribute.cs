using Xunit;

namespace KnowledgeBase.Testing;

/// <summary>A fact that reads <c>../shared/data</c>; skipped with a clear message where it is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        Skip = TestPaths.SharedDataMissing;
    }
}
