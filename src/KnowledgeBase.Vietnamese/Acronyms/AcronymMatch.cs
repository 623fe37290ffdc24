namespace KnowledgeBase.Vietnamese.Acronyms;

/// <summary>An expansion found in a query: terms <see cref="First"/> to <see cref="Last"/> spell out <see cref="Acronym"/>.</summary>
public readonly record struct AcronymMatch(int First, int Last, Acronym Acronym);
