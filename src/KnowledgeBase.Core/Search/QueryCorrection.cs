namespace KnowledgeBase.Core.Search;

/// <summary>
/// A corrected query: <see cref="Query"/> to search, and <see cref="Html"/> with the changed words in
/// &lt;strong&gt; (escaped). <see cref="Reason"/> says whether accents were restored or a typo fixed.
/// </summary>
public sealed record QueryCorrection(string Query, string Html, CorrectionReason Reason);
