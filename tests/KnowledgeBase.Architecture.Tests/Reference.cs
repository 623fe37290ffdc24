namespace KnowledgeBase.Architecture.Tests;

/// <summary>One thing a src project depends on, and where that was read (for the failure message).</summary>
public sealed record Reference(string Name, ReferenceKind Kind, string Source)
{
    public override string ToString() => $"{Name} ({Kind.ToString().ToLowerInvariant()} reference, {Source})";
}
