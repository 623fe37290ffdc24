using System.Text;
using KnowledgeBase.Search.Analysis;
using KnowledgeBase.Search.Tests.Testing;

namespace KnowledgeBase.Search.Tests.Analysis;

public sealed class VietnameseAnalyzerTests : IDisposable
{
    private readonly VietnameseAnalyzer _exact = new(VietnameseAnalysis.Exact);
    private readonly VietnameseAnalyzer _folded = new(VietnameseAnalysis.Folded);
    private readonly VietnameseAnalyzer _bigrams = new(VietnameseAnalysis.FoldedBigrams);

    [Fact]
    public void Exact_BothTonePlacements_OneTerm()
    {
        TokenStreamAssert.Produces(_exact, "text", "Hoà bình, thuỷ lợi, khoẻ, qúy", ["hòa", "bình", "thủy", "lợi", "khỏe", "quý"]);
    }

    [Fact]
    public void Exact_DecomposedText_SameTermsWithOriginalOffsets()
    {
        var nfd = "Cải cách".Normalize(NormalizationForm.FormD);
        TokenStreamAssert.Produces(_exact, "text", nfd, ["cải", "cách"], offsets: [(0, nfd.IndexOf(' ', StringComparison.Ordinal)), (nfd.IndexOf(' ', StringComparison.Ordinal) + 1, nfd.Length)]);
    }

    [Fact]
    public void Folded_DStroke_StackedWithItsDKept()
    {
        TokenStreamAssert.Produces(_folded, "text_f", "Đất đai", ["dat", "đat", "dai", "đai"], positionIncrements: [1, 0, 1, 0]);
    }

    [Fact]
    public void Exact_Code_WholeThenPartsAtTheSamePosition()
    {
        TokenStreamAssert.Produces(_exact, "text", "Nghị quyết 30c/NQ-CP", ["nghị", "quyết", "30c/nq-cp", "30c", "nq", "cp"], positionIncrements: [1, 1, 1, 0, 1, 1]);
    }

    [Fact]
    public void Bigrams_NeighbouringSyllables_PairedFoldedNotAcrossPunctuation()
    {
        TokenStreamAssert.Produces(_bigrams, "text_f2", "Cải cách hành chính. Kế hoạch", ["cai cach", "cach hanh", "hanh chinh", "ke hoach"]);
    }

    [Fact]
    public void Bigrams_WithDStroke_AlsoStackedWithDKept()
    {
        TokenStreamAssert.Produces(_bigrams, "text_f2", "quyền sử dụng đất", ["quyen su", "su dung", "dung dat", "dung đat"], positionIncrements: [1, 1, 1, 0]);
    }

    [Fact]
    public void Bigrams_Code_PartsPairUpWholeSkipped()
    {
        TokenStreamAssert.Produces(_bigrams, "text_f2", "số 123/2023/NĐ-CP", ["so 123", "123 2023", "2023 nd", "2023 nđ", "nd cp", "nđ cp"]);
    }

    [Fact]
    public void Exact_EmptyText_NoTokens()
    {
        TokenStreamAssert.Produces(_exact, "text", string.Empty, []);
    }

    public void Dispose()
    {
        _exact.Dispose();
        _folded.Dispose();
        _bigrams.Dispose();
    }
}
