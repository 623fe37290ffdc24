using System.Text;
using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Tests.Documents;

public sealed class IdsTests
{
    [Fact]
    public async Task HashOf_BytesAndStream_AgreeAndAreSha256Hex()
    {
        var bytes = Encoding.UTF8.GetBytes("cải cách hành chính");
        using var stream = new MemoryStream(bytes);

        var hash = DocumentIds.HashOf(bytes);

        Assert.Equal(hash, await DocumentIds.HashOfAsync(stream));
        Assert.Equal(64, hash.Length);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DocumentIds.HashOf("abc"u8));
    }

    [Fact]
    public void IdFromHash_IsAValidId()
    {
        var id = DocumentIds.IdFromHash(DocumentIds.HashOf("x"u8));

        Assert.Equal(DocumentIds.IdLength, id.Length);
        Assert.True(DocumentIds.IsValidId(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcde")]
    [InlineData("0123456789ABCDEF")]
    [InlineData("../../etc/passwd")]
    [InlineData("0123456789abcdeg")]
    public void IsValidId_RefusesWhatCouldBeAPathOrIsMalformed(string? id)
    {
        Assert.False(DocumentIds.IsValidId(id));
    }

    [Fact]
    public void PassageIds_RoundTrip()
    {
        var id = PassageIds.Create("0123456789abcdef", 42);

        Assert.True(PassageIds.TryParse(id, out var document, out var ordinal));
        Assert.Equal(("0123456789abcdef", 42), (document, ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdef-")]
    [InlineData("0123456789abcdef--1")]
    [InlineData("0123456789abcdef-x")]
    [InlineData("nothex-3")]
    public void PassageIds_TryParse_RefusesMalformed(string? id)
    {
        Assert.False(PassageIds.TryParse(id, out _, out _));
    }
}
