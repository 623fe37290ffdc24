using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Vietnamese.Tests.Text;

public sealed class SyllableShapeTests
{
    [Theory]
    [InlineData("khu")]
    [InlineData("tinh")]
    [InlineData("nghieng")]
    [InlineData("quoc")]
    [InlineData("gin")]
    [InlineData("khuyu")]
    [InlineData("a")]
    public void IsPossible_VietnameseSyllable_True(string folded)
    {
        Assert.True(SyllableShape.IsPossible(folded));
    }

    [Theory]
    [InlineData("canada")]
    [InlineData("roosevelt")]
    [InlineData("ubnd")]
    [InlineData("covid")]
    [InlineData("2015")]
    [InlineData("")]
    public void IsPossible_ForeignWordAcronymOrNumber_False(string folded)
    {
        Assert.False(SyllableShape.IsPossible(folded));
    }
}
