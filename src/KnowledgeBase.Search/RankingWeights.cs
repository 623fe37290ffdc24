namespace KnowledgeBase.Search;

/// <summary>
/// The weights of the ranking query: BM25 (k1, b) over the exact, folded and syllable-pair fields of
/// text and title, summed with these boosts. <see cref="Default"/> is the one production configuration
/// (docs/relevance.md says how it was chosen); other instances exist for measurement. Immutable.
/// </summary>
public sealed record RankingWeights
{
    public static RankingWeights Default { get; } = new();

    /// <summary>Folded syllable in the passage text: the backbone, found with or without accents.</summary>
    public float Folded { get; init; } = 1.0f;

    /// <summary>Syllable with the accents the user typed, on top of the folded match.</summary>
    public float Exact { get; init; } = 0.4f;

    /// <summary>Neighbouring syllables together (a word, a phrase): contiguous beats scattered.</summary>
    public float Bigram { get; init; } = 0.6f;

    public float TitleFolded { get; init; } = 0.3f;

    public float TitleExact { get; init; } = 0.15f;

    public float TitleBigram { get; init; } = 0.4f;

    /// <summary>Multiplies the clauses of a word written as a name (<c>Messi</c>, <c>Ấn Độ Dương</c>).</summary>
    public float Name { get; init; } = 2f;

    /// <summary>
    /// A word the index does not know (a typo: <c>vaccince</c>) matches its nearest spellings (one edit, two
    /// for words of eight letters or more) with this weight.
    /// </summary>
    public float Typo { get; init; } = 0.8f;

    /// <summary>The other form of an acronym (its expansion, or the acronym of a spelled-out expansion).</summary>
    public float Acronym { get; init; } = 1.0f;

    /// <summary>
    /// Whether the exact clause also serves unaccented tokens whose spelling the user meant
    /// (<see cref="KnowledgeBase.Vietnamese.Queries.QueryTerm.ExactIntended"/>: numbers, foreign words,
    /// toneless syllables of a query typed with accents). Off: only tokens typed with accents.
    /// </summary>
    public bool ExactForUnaccented { get; init; } = true;

    /// <summary>
    /// Second look at the best <see cref="RerankDepth"/> passages: each gains this share of the top score
    /// times the share of the question its best sentence holds (<see cref="KnowledgeBase.Vietnamese.Queries.SentenceCoverage"/>). 0 turns it off.
    /// </summary>
    public float SentenceCoverage { get; init; } = 0.5f;

    public int RerankDepth { get; init; } = 20;


    /// <summary>
    /// In the same second look, a passage's score is multiplied by 1 − this × the share of it that reads like site
    /// navigation (<see cref="Highlighting.TextUnits.NavigationShare"/>: menu entries, teasers cut off with "…").
    /// 0 turns it off.
    /// </summary>
    public float Navigation { get; init; } = 0.5f;

    /// <summary>
    /// Pseudo-relevance feedback (<see cref="Querying.PseudoRelevanceFeedback"/>): the strongest terms of the best
    /// passages of a first search, added with at most this weight. 0 turns it off (one search instead of two).
    /// </summary>
    public float Feedback { get; init; }

    /// <summary>
    /// A syllable written with a final i or y after h, k, l, m, s, t or qu also matches its other spelling (<c>kĩ thuật</c> finds
    /// <c>kỹ thuật</c>, <c>lý do</c> finds <c>lí do</c>; <see cref="KnowledgeBase.Vietnamese.Text.SpellingVariants"/>) — its
    /// folded syllable and pair clauses, with this share of their weights; the exact clause stays with the spelling typed, as
    /// it stays with the accents typed, so the spelling typed ranks first. 0 turns it off. 0.5: chosen by leave-one-collection-out
    /// in every fold over 1 (which lost on uit_regulations_qa) and off (docs/relevance.md, issue 13).
    /// </summary>
    public float SpellingVariant { get; init; } = 0.5f;

    /// <summary>Drop question words and particles (<c>gì</c>, <c>bao nhiêu</c>, final <c>không</c>).</summary>
    public bool DropFillers { get; init; } = true;


    /// <summary>
    /// At most this many distinct syllables (folded, and as many exact forms) rank a long query: the rarest ones. 48 and
    /// below were measured for issue 11: below 48 a loss on uit_vicov19qa's long questions, at 48 no measurable gain.
    /// </summary>
    public int MaxTerms { get; init; } = 64;

    /// <summary>At most this many distinct pairs of neighbouring syllables rank a long query: the rarest ones.</summary>
    public int MaxPairs { get; init; } = 64;

    /// <summary>
    /// The title clauses (folded, exact, pair, and their i/y variants) of a syllable or pair held in the passage text by
    /// more than this share of the passages are left out of the ranked disjunction (issue 11). 0 keeps every clause: measured,
    /// it saves no CPU (title postings are short) and loses on the collections whose titles name the article
    /// (docs/relevance.md, "Clause budget of long questions").
    /// </summary>
    public float CommonTitleShare { get; init; }

    /// <summary>
    /// The exact (accented) clauses, text and title, of a syllable whose exact form more than this share of the passages
    /// hold are left out; its folded clause still matches and ranks it (issue 11). 0 keeps every clause: measured, 2–5 % less
    /// CPU and a loss of 0.003–0.006 MRR@10 on uit_regulations_qa.
    /// </summary>
    public float CommonExactShare { get; init; }

    public float K1 { get; init; } = 0.9f;

    public float B { get; init; } = 0.9f;

    /// <summary>BM25's length normalisation of the title fields (short, so they may want less of it than the text).</summary>
    public float TitleB { get; init; } = 0.9f;

    /// <summary>
    /// BM25's length normalisation of the syllable-pair fields (text and title pairs; the title ones use
    /// <see cref="TitleB"/> when that differs from <see cref="B"/>). A pair is a word or a phrase: found by chance in a long
    /// passage far less often than a lone syllable, so it may want less normalisation than the syllable fields.
    /// </summary>
    public float BigramB { get; init; } = 0.9f;

    /// <summary>BM25's length normalisation of the exact (accented) text field, on top of the folded one.</summary>
    public float ExactB { get; init; } = 0.9f;

    /// <summary>Power of the idf (<see cref="ExactLengthBm25Similarity.IdfPower"/>).</summary>
    public float IdfPower { get; init; } = 1.3f;
}
