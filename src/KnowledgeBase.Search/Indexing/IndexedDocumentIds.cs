using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Indexing;

/// <summary>
/// The ids of the documents that have at least one live passage, read from the terms of
/// <see cref="IndexFields.DocumentId"/> (no stored field is read): the live index's reconciliation with the
/// catalog on start, and the pruning of a backup's copy.
/// </summary>
internal static class IndexedDocumentIds
{
    public static List<string> Of(IndexReader reader)
    {
        var ids = new List<string>();
        var terms = MultiFields.GetTerms(reader, IndexFields.DocumentId);
        if (terms is null)
        {
            return ids;
        }

        var live = MultiFields.GetLiveDocs(reader);
        var termsEnum = terms.GetEnumerator();
        DocsEnum? docs = null;
        while (termsEnum.MoveNext())
        {
            docs = termsEnum.Docs(live, docs, DocsFlags.NONE);
            if (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                ids.Add(termsEnum.Term.Utf8ToString());
            }
        }

        return ids;
    }
}
