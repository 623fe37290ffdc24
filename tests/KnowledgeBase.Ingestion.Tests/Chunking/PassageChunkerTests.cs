using KnowledgeBase.Core.Extraction;
using KnowledgeBase.Ingestion.Chunking;

namespace KnowledgeBase.Ingestion.Tests.Chunking;

public sealed class PassageChunkerTests
{
    private const string DocumentId = "0123456789abcdef";
    private readonly PassageChunker _chunker = new(new ChunkingOptions { MinWords = 40, TargetWords = 120, MaxWords = 250 });

    [Fact]
    public void Chunk_SmallParagraphs_AreMergedUpToTheTarget()
    {
        var paragraphs = Enumerable.Range(0, 10).Select(i => new TextBlock(Words(30, $"p{i}"))).ToList();
        var passages = _chunker.Chunk(DocumentId, [new ExtractedPage { Number = 1, Blocks = paragraphs }]);

        Assert.All(passages, p => Assert.InRange(PassageChunker.WordCount(p.Text), 40, 250));
        Assert.Equal(300, passages.Sum(p => PassageChunker.WordCount(p.Text)));
        Assert.True(passages.Count < paragraphs.Count);
    }

    [Fact]
    public void Chunk_LongParagraph_IsSplitAtSentenceEndsWithinTheLimit()
    {
        var sentences = string.Join(" ", Enumerable.Range(0, 60).Select(i => Words(12, $"s{i}") + "."));
        var passages = _chunker.Chunk(DocumentId, [new ExtractedPage { Number = 1, Blocks = [new TextBlock(sentences)] }]);

        Assert.True(passages.Count >= 3);
        Assert.All(passages, p => Assert.InRange(PassageChunker.WordCount(p.Text), 40, 250));
        Assert.All(passages, p => Assert.EndsWith(".", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_RunOnTextWithoutStops_IsCutBetweenWordsNeverInside()
    {
        var text = Words(700, "từ");
        var passages = _chunker.Chunk(DocumentId, [new ExtractedPage { Number = 1, Blocks = [new TextBlock(text)] }]);

        Assert.All(passages, p => Assert.InRange(PassageChunker.WordCount(p.Text), 1, 250));
        var rejoined = string.Join(" ", passages.Select(p => p.Text));
        Assert.Equal(text.Split(' '), rejoined.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Chunk_EveryPassage_IsTheSliceOfItsPageAtItsOffsets()
    {
        var pages = new[]
        {
            new ExtractedPage { Number = 1, Blocks = [new TextBlock("Chương 1", TextBlockKind.Heading, 1), new TextBlock(Words(50, "một")), new TextBlock(Words(90, "hai"))] },
            new ExtractedPage { Number = 2, Blocks = [new TextBlock(Words(300, "ba") + "."), new TextBlock(Words(20, "bốn"))] },
        };
        var passages = _chunker.Chunk(DocumentId, pages);

        foreach (var passage in passages)
        {
            var page = pages.Single(p => p.Number == passage.PageNumber);
            Assert.Equal(page.Text[passage.StartOffset..passage.EndOffset], passage.Text);
        }

        Assert.Equal(Enumerable.Range(0, passages.Count), passages.Select(p => p.Ordinal));
        Assert.Contains(passages, p => p.PageNumber == 2);
    }

    [Fact]
    public void Chunk_Heading_StartsAPassageAndBecomesItsSection()
    {
        var page = new ExtractedPage
        {
            Number = 1,
            Blocks =
            [
                new TextBlock(Words(60, "mở")),
                new TextBlock("Mục 2. Kết quả", TextBlockKind.Heading, 2),
                new TextBlock(Words(60, "kết")),
            ],
        };
        var passages = _chunker.Chunk(DocumentId, [page]);

        Assert.Equal(2, passages.Count);
        Assert.Null(passages[0].Section);
        Assert.StartsWith("Mục 2. Kết quả", passages[1].Text, StringComparison.Ordinal);
        Assert.Equal("Mục 2. Kết quả", passages[1].Section);
    }

    [Fact]
    public void Chunk_ShortTail_JoinsThePreviousPassageOfThePage()
    {
        var page = new ExtractedPage { Number = 1, Blocks = [new TextBlock(Words(130, "a")), new TextBlock(Words(10, "b"))] };
        var passages = _chunker.Chunk(DocumentId, [page]);

        Assert.Single(passages);
        Assert.Equal(140, PassageChunker.WordCount(passages[0].Text));
    }

    [Fact]
    public void Chunk_EmptyPages_GiveNoPassages()
    {
        var passages = _chunker.Chunk(DocumentId, [new ExtractedPage { Number = 1 }, new ExtractedPage { Number = 2, Blocks = [new TextBlock("   ")] }]);
        Assert.Empty(passages);
    }

    private static string Words(int count, string stem) => string.Join(" ", Enumerable.Range(0, count).Select(i => $"{stem}{i}"));
}
