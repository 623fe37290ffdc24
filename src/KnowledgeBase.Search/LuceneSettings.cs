using Lucene.Net.Util;

namespace KnowledgeBase.Search;

/// <summary>The one Lucene version constant of the project.</summary>
public static class LuceneSettings
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
}
