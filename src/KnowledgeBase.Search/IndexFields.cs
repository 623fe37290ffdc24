namespace KnowledgeBase.Search;

/// <summary>
/// Field names of the passage index: one Lucene document per passage. "Exact" fields keep diacritics
/// (NFC, lower case, one tone-mark placement); "folded" fields drop them for accent-insensitive matching
/// (a syllable with đ is also stacked with its đ kept); "bigram" fields hold folded neighbouring
/// syllable pairs, the index-time word and proximity signal.
/// </summary>
public static class IndexFields
{
    /// <summary>Passage id (<c>docid-ordinal</c>): the update key.</summary>
    public const string Id = "id";

    public const string DocumentId = "doc_id";

    /// <summary>Passage text, exact analysis, stored for display.</summary>
    public const string Text = "text";

    /// <summary>Passage text, accent-folded analysis.</summary>
    public const string TextFolded = "text_f";

    /// <summary>Folded pairs of neighbouring syllables of the passage text (<c>cai cach</c>).</summary>
    public const string TextBigrams = "text_f2";

    public const string Title = "title";

    public const string TitleFolded = "title_f";

    public const string TitleBigrams = "title_f2";

    /// <summary>Acronyms the passage defines (<c>CCHC\tcải cách hành chính</c>), learned at indexing and used at query time.</summary>
    public const string Acronyms = "acronym";

    public const string Kind = "kind";

    public const string Year = "year";

    public const string Date = "date";

    public const string Tags = "tag";

    public const string Collection = "collection";

    public const string Visibility = "visibility";

    /// <summary>Who added the document (its owner, who sees it when it is private); empty when nobody is known.</summary>
    public const string Owner = "owner";

    public const string Source = "source";

    /// <summary>Where a document came from, for the facet: a web site's host, else upload, inbox, cli or seed.</summary>
    public const string Origin = "origin";

    public const string Language = "language";

    public const string Page = "page";

    public const string Ordinal = "ordinal";

    public const string Section = "section";

    public const string StartOffset = "start";

    public const string EndOffset = "end";

    /// <summary>The year facet's value of a document without a date ("Không rõ năm").</summary>
    public const int NoYear = 0;

    /// <summary>Date as yyyyMMdd number for ranges (0 when unknown) and, as doc values, for sorting (absent when unknown).</summary>
    public const string DateSort = "date_n";
}
