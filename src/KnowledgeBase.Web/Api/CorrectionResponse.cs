using KnowledgeBase.Core.Search;

namespace KnowledgeBase.Web.Api;

/// <summary>
/// The <c>didYouMean</c> of a search: the corrected query, the same with the changed words in escaped
/// <c>&lt;strong&gt;</c>, and whether accents were restored or a typo fixed.
/// </summary>
public sealed record CorrectionResponse(string Query, string Html, CorrectionReason Reason)
{
    public static CorrectionResponse? From(QueryCorrection? correction) =>
        correction is null ? null : new CorrectionResponse(correction.Query, correction.Html, correction.Reason);
}
