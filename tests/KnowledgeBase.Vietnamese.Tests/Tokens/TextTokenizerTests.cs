using System.Text;
using KnowledgeBase.Vietnamese.Tokens;

namespace KnowledgeBase.Vietnamese.Tests.Tokens;

public sealed class TextTokenizerTests
{
    [Fact]
    public void Tokenize_Syllables_SplitOnSpacesAndPunctuation()
    {
        Assert.Equal(["Cải", "cách", "hành", "chính"], Texts("Cải cách, hành chính."));
    }

    [Fact]
    public void Tokenize_DocumentNumber_WholeThenParts()
    {
        var text = "Nghị quyết 30c/NQ-CP";
        var tokens = TextTokenizer.Tokenize(text);
        Assert.Equal(["Nghị", "quyết", "30c/NQ-CP", "30c", "NQ", "CP"], tokens.Select(t => t.TextOf(text)));
        Assert.Equal([TokenKind.Word, TokenKind.Word, TokenKind.Code, TokenKind.CodePart, TokenKind.CodePart, TokenKind.CodePart], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Tokenize_DecreeNumberWithDStroke_KeptWhole()
    {
        Assert.Equal(["Số", "123/2023/NĐ-CP", "123", "2023", "NĐ", "CP"], Texts("Số 123/2023/NĐ-CP."));
    }

    [Theory]
    [InlineData("75.000.000")]
    [InlineData("3,5")]
    public void Tokenize_NumberWithSeparators_OneNumber(string number)
    {
        var tokens = TextTokenizer.Tokenize($"có {number} người");
        Assert.Equal(TokenKind.Number, tokens[1].Kind);
        Assert.Equal(3, tokens.Count);
    }

    [Fact]
    public void Tokenize_DecomposedText_KeepsMarksInsideWordsWithOriginalOffsets()
    {
        var text = "cải cách".Normalize(NormalizationForm.FormD);
        var tokens = TextTokenizer.Tokenize(text);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(text.IndexOf(' ', StringComparison.Ordinal), tokens[0].End);
    }

    [Fact]
    public void Tokenize_Punctuation_MarksBreakBefore()
    {
        var tokens = TextTokenizer.Tokenize("phòng, chống ma túy");
        Assert.Equal([false, true, false, false], tokens.Select(t => t.BreakBefore));
    }

    [Fact]
    public void Tokenize_CommaBetweenWords_IsNotAJoiner()
    {
        Assert.Equal(["a", "b"], Texts("a,b"));
    }

    private static IEnumerable<string> Texts(string text) => TextTokenizer.Tokenize(text).Select(t => t.TextOf(text));
}
