using System.Text.RegularExpressions;
using KnowledgeBase.Core.Documents;
using KnowledgeBase.Core.Extraction;

namespace KnowledgeBase.Ingestion.Chunking;

/// <summary>
/// Splits a document's pages into passages of about a paragraph: small paragraphs are merged, long ones are
/// split at sentence ends (and, for a run-on sentence, between words — never inside one). Passages never
/// cross a page, start afresh at a heading and carry the heading they sit under as their section.
/// Every passage is an exact slice of its page's text, so its offsets point into the page. Thread-safe.
/// </summary>
public sealed partial class PassageChunker
{
    private readonly ChunkingOptions _options;

    public PassageChunker(ChunkingOptions? options = null)
    {
        _options = options ?? new ChunkingOptions();
    }

    public IReadOnlyList<Passage> Chunk(string documentId, IReadOnlyList<ExtractedPage> pages)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        ArgumentNullException.ThrowIfNull(pages);
        var passages = new List<Passage>();
        string? section = null;
        foreach (var page in pages)
        {
            var text = page.Text;
            var pageStart = passages.Count;
            var current = new Span();
            foreach (var unit in Units(page))
            {
                if (unit.IsHeading)
                {
                    if (current.Words > 0 && !current.OnlyHeadings)
                    {
                        Flush(ref current);
                    }

                    section = text[unit.Start..unit.End];
                    current.Add(unit, section);
                    continue;
                }

                if (current.Words > 0 && current.Words + unit.Words > _options.MaxWords)
                {
                    Flush(ref current);
                }

                current.Add(unit, section);
                if (current.Words >= _options.TargetWords)
                {
                    Flush(ref current);
                }
            }

            if (current.Words > 0)
            {
                // A short tail joins the passage before it on the same page when that stays within the limit.
                var last = passages.Count > pageStart ? passages[^1] : null;
                if (current.Words < _options.MinWords && last is not null
                    && WordCount(last.Text) + current.Words <= _options.MaxWords
                    && string.Equals(last.Section, current.Section, StringComparison.Ordinal))
                {
                    passages[^1] = last with { Text = text[last.StartOffset..current.End], EndOffset = current.End };
                }
                else
                {
                    Flush(ref current);
                }
            }

            void Flush(ref Span span)
            {
                passages.Add(new Passage
                {
                    DocumentId = documentId,
                    Ordinal = passages.Count,
                    PageNumber = page.Number,
                    Text = text[span.Start..span.End],
                    StartOffset = span.Start,
                    EndOffset = span.End,
                    Section = span.Section,
                });
                span = new Span();
            }
        }

        return passages;
    }

    public static int WordCount(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }

    /// <summary>Blocks as units no longer than the maximum, with their offsets in the page text.</summary>
    private IEnumerable<Unit> Units(ExtractedPage page)
    {
        var offset = 0;
        foreach (var block in page.Blocks)
        {
            var start = offset;
            offset += block.Text.Length + PageText.BlockSeparator.Length;
            var words = WordCount(block.Text);
            if (words == 0)
            {
                continue;
            }

            if (block.Kind == TextBlockKind.Heading)
            {
                yield return new Unit(start, start + block.Text.Length, words, IsHeading: true);
                continue;
            }

            if (words <= _options.MaxWords)
            {
                yield return new Unit(start, start + block.Text.Length, words, IsHeading: false);
                continue;
            }

            foreach (var piece in SplitLong(block.Text))
            {
                yield return piece with { Start = piece.Start + start, End = piece.End + start };
            }
        }
    }

    /// <summary>Splits a long block at sentence ends into pieces of about the target size.</summary>
    private IEnumerable<Unit> SplitLong(string text)
    {
        var sentences = new List<Unit>();
        var sentenceStart = 0;
        foreach (Match end in SentenceEnd().Matches(text))
        {
            AddSentence(sentenceStart, end.Index);
            sentenceStart = end.Index + end.Length;
        }

        AddSentence(sentenceStart, text.Length);

        var pieceStart = -1;
        var pieceEnd = 0;
        var pieceWords = 0;
        foreach (var sentence in sentences)
        {
            if (pieceWords > 0 && pieceWords + sentence.Words > _options.TargetWords)
            {
                yield return new Unit(pieceStart, pieceEnd, pieceWords, false);
                pieceWords = 0;
            }

            if (pieceWords == 0)
            {
                pieceStart = sentence.Start;
            }

            pieceEnd = sentence.End;
            pieceWords += sentence.Words;
        }

        if (pieceWords > 0)
        {
            yield return new Unit(pieceStart, pieceEnd, pieceWords, false);
        }

        void AddSentence(int from, int to)
        {
            while (from < to && char.IsWhiteSpace(text[from]))
            {
                from++;
            }

            if (from >= to)
            {
                return;
            }

            var words = WordCount(text.AsSpan(from, to - from));
            if (words <= _options.MaxWords)
            {
                sentences.Add(new Unit(from, to, words, false));
                return;
            }

            // A run-on "sentence" (a table, a list without stops): cut between words.
            var wordStart = from;
            var count = 0;
            for (var i = from; i <= to; i++)
            {
                var boundary = i == to || (char.IsWhiteSpace(text[i]) && i > from && !char.IsWhiteSpace(text[i - 1]));
                if (!boundary)
                {
                    continue;
                }

                count++;
                if (count == _options.TargetWords || i == to)
                {
                    sentences.Add(new Unit(wordStart, i, count, false));
                    wordStart = i;
                    while (wordStart < to && char.IsWhiteSpace(text[wordStart]))
                    {
                        wordStart++;
                    }

                    count = 0;
                }
            }
        }
    }

    [GeneratedRegex(@"(?<=[.!?…;])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    private readonly record struct Unit(int Start, int End, int Words, bool IsHeading);

    private struct Span
    {
        public int Start;
        public int End;
        public int Words;
        public bool OnlyHeadings;
        public string? Section;

        public void Add(Unit unit, string? section)
        {
            if (Words == 0)
            {
                Start = unit.Start;
                OnlyHeadings = true;
                Section = section;
            }

            End = unit.End;
            Words += unit.Words;
            OnlyHeadings &= unit.IsHeading;
        }
    }
}
