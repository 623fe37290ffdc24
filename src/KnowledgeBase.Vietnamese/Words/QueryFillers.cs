using KnowledgeBase.Vietnamese.Queries;
using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;

namespace KnowledgeBase.Vietnamese.Words;

/// <summary>
/// Question words, sentence-final particles and polite formulas (<c>gì</c>, <c>bao nhiêu</c>,
/// <c>như thế nào</c>, final <c>không</c>, <c>ạ</c>, <c>cho em hỏi</c>) that make a query a question
/// but say nothing about what is sought. The list ships as <c>query-fillers.txt</c> (see the README
/// beside it) and is read once, on first use. Immutable and thread-safe.
/// </summary>
public sealed class QueryFillers
{
    private const string ResourceName = "KnowledgeBase.Vietnamese.Words.query-fillers.txt";
    private static readonly Lazy<QueryFillers> DefaultList = new(LoadDefault);

    private readonly List<Entry> _anywhere = [];
    private readonly List<Entry> _final = [];

    private QueryFillers()
    {
    }

    /// <summary>The list shipped with the project.</summary>
    public static QueryFillers Default => DefaultList.Value;

    /// <summary>Reads a list in the format of <c>query-fillers.txt</c>.</summary>
    public static QueryFillers Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var fillers = new QueryFillers();
        var section = string.Empty;
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var syllables = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(VietnameseText.NormalizeTerm).ToArray();
            var (list, unaccented) = section switch
            {
                "anywhere" => (fillers._anywhere, true),
                "anywhere-exact" => (fillers._anywhere, false),
                "final" => (fillers._final, true),
                "final-exact" => (fillers._final, false),
                _ => throw new InvalidDataException($"Unknown section [{section}] in the filler list."),
            };
            list.Add(new Entry(syllables, unaccented));
        }

        // Longest first, so "như thế nào" wins over "thế nào".
        fillers._anywhere.Sort((a, b) => b.Syllables.Length.CompareTo(a.Syllables.Length));
        fillers._final.Sort((a, b) => b.Syllables.Length.CompareTo(a.Syllables.Length));
        return fillers;
    }

    /// <summary>For each term, whether it is a filler. Only words are; codes and numbers never are.</summary>
    public bool[] Find(IReadOnlyList<QueryTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var filler = new bool[terms.Count];
        for (var i = 0; i < terms.Count;)
        {
            var length = MatchAt(_anywhere, terms, i, filler);
            if (length > 0)
            {
                Array.Fill(filler, true, i, length);
                i += length;
            }
            else
            {
                i++;
            }
        }

        // "[final]" entries: walk back from the end of each clause over what is already a filler.
        for (var end = terms.Count - 1; end >= 0; end--)
        {
            var clauseEnd = end == terms.Count - 1 || terms[end + 1].BreakBefore;
            if (!clauseEnd)
            {
                continue;
            }

            var j = end;
            while (j >= 0)
            {
                if (filler[j])
                {
                    if (terms[j].BreakBefore)
                    {
                        break;
                    }

                    j--;
                    continue;
                }

                var matched = MatchEndingAt(_final, terms, j);
                if (matched == 0)
                {
                    break;
                }

                Array.Fill(filler, true, j - matched + 1, matched);
                if (terms[j - matched + 1].BreakBefore)
                {
                    break;
                }

                j -= matched;
            }
        }

        return filler;
    }

    private static int MatchAt(List<Entry> entries, IReadOnlyList<QueryTerm> terms, int start, bool[] taken)
    {
        foreach (var entry in entries)
        {
            if (Matches(entry, terms, start) && !taken.AsSpan(start, entry.Syllables.Length).Contains(true))
            {
                return entry.Syllables.Length;
            }
        }

        return 0;
    }

    private static int MatchEndingAt(List<Entry> entries, IReadOnlyList<QueryTerm> terms, int end)
    {
        foreach (var entry in entries)
        {
            var start = end - entry.Syllables.Length + 1;
            if (start >= 0 && Matches(entry, terms, start))
            {
                return entry.Syllables.Length;
            }
        }

        return 0;
    }

    private static bool Matches(Entry entry, IReadOnlyList<QueryTerm> terms, int start)
    {
        if (start + entry.Syllables.Length > terms.Count)
        {
            return false;
        }

        for (var k = 0; k < entry.Syllables.Length; k++)
        {
            var term = terms[start + k];
            if (term.Kind != TokenKind.Word || (k > 0 && term.BreakBefore))
            {
                return false;
            }

            var same = term.Accented
                ? string.Equals(term.Exact, entry.Syllables[k], StringComparison.Ordinal)
                : string.Equals(term.Folded, entry.Folded[k], StringComparison.Ordinal)
                  && (entry.MatchesUnaccented || string.Equals(term.Exact, entry.Syllables[k], StringComparison.Ordinal));
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private static QueryFillers LoadDefault()
    {
        using var stream = typeof(QueryFillers).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    private sealed record Entry(string[] Syllables, bool MatchesUnaccented)
    {
        public string[] Folded { get; } = Syllables.Select(VietnameseText.Fold).ToArray();
    }
}
