namespace KnowledgeBase.Core.Search;

public enum CorrectionReason
{
    AccentsRestored,
    SpellingCorrected,
}
