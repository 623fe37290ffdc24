using System.Runtime.CompilerServices;
using KnowledgeBase.Vietnamese.Acronyms;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KnowledgeBase.Search.Acronyms;

/// <summary>
/// Acronyms learned from the indexed text. Each passage stores the pairs it defines in
/// <see cref="IndexFields.Acronyms"/> (<see cref="AcronymExtractor"/>), so they are committed with the
/// index, survive restarts, disappear with their passages and are relearned by a reindex. At query time
/// <see cref="TableFor"/> joins the curated list and every pair of the live passages; the table is built
/// once per index snapshot and shared. Thread-safe.
/// </summary>
public static class LearnedAcronyms
{
    private const char Separator = '\t';
    private static readonly ConditionalWeakTable<IndexReader, AcronymTable> Tables = [];

    /// <summary>The acronym definitions in a passage and its document title, encoded for the index.</summary>
    public static IEnumerable<string> Extract(string title, string text)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(text);
        return Extract(AcronymExtractor.Extract(title), text);
    }

    /// <summary>
    /// As <see cref="Extract(string, string)"/>, with the title's acronyms already found (<see cref="AcronymExtractor.Extract"/>
    /// of the title, once for all the passages of a document).
    /// </summary>
    public static IEnumerable<string> Extract(IReadOnlyList<Acronym> titleAcronyms, string text)
    {
        ArgumentNullException.ThrowIfNull(titleAcronyms);
        ArgumentNullException.ThrowIfNull(text);
        var inText = AcronymExtractor.Extract(text);
        return titleAcronyms.Count == 0 && inText.Count == 0 ? [] : titleAcronyms.Concat(inText).Distinct().Select(Encode);
    }

    /// <summary>The curated acronyms plus those the passages visible to <paramref name="reader"/> define.</summary>
    public static AcronymTable TableFor(IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Tables.GetValue(reader, Build);
    }

    /// <summary>Only the pairs learned from the passages visible to <paramref name="reader"/>.</summary>
    public static IReadOnlyList<Acronym> Read(IndexReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var found = new HashSet<Acronym>();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var terms = atomic.GetTerms(IndexFields.Acronyms);
            if (terms is null)
            {
                continue;
            }

            var liveDocs = atomic.LiveDocs;
            var termsEnum = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (termsEnum.MoveNext())
            {
                // Deleted passages keep their terms until a merge: count only pairs a live passage defines.
                docs = termsEnum.Docs(liveDocs, docs, DocsFlags.NONE);
                if (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS && Decode(termsEnum.Term.Utf8ToString()) is { } acronym)
                {
                    found.Add(acronym);
                }
            }
        }

        return [.. found];
    }

    public static string Encode(Acronym acronym)
    {
        ArgumentNullException.ThrowIfNull(acronym);
        return acronym.ShortForm + Separator + acronym.Expansion;
    }

    public static Acronym? Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var tab = value.IndexOf(Separator, StringComparison.Ordinal);
        return tab > 0 && tab < value.Length - 1 ? new Acronym(value[..tab], value[(tab + 1)..]) : null;
    }

    private static AcronymTable Build(IndexReader reader) => new(CuratedAcronyms.All.Concat(Read(reader)));
}
