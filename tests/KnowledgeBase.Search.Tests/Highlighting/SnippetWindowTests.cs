using System.Text.RegularExpressions;
using KnowledgeBase.Search.Tests.Testing;

namespace KnowledgeBase.Search.Tests.Highlighting;

/// <summary>
/// Issue 13: the snippet's window is chosen by the query's words, not by its syllables. A pair of the query side by side
/// (<c>tài liệu</c>) outweighs lone syllables of other words (<c>Bộ trưởng</c>, <c>bồi thường</c>, <c>dinh dưỡng</c>,
/// <c>cán cân</c>); a passage whose only match in its text is one lone syllable (<c>quan hệ</c> for <c>hệ thống</c>)
/// shows its start instead of a window around it.
/// </summary>
public sealed partial class SnippetWindowTests : IDisposable
{
    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("Nội dung khác của văn bản được trình bày ở đây.", 8));

    private readonly InMemoryIndex _index = new();

    [Fact]
    public void Snippet_PairTogether_BeatsMoreScatteredSyllablesOfOtherWords()
    {
        _index.Add("Bộ trưởng yêu cầu bồi thường, chú ý dinh dưỡng và cán cân thu chi. " + Filler + " Đây là tài liệu mới của tỉnh. " + Filler);
        _index.Commit();

        var fragment = _index.Find("tài liệu bồi dưỡng cán bộ").Hits[0].FragmentHtml;

        Assert.Contains("<mark>tài</mark> <mark>liệu</mark> mới", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("dinh <mark>dưỡng</mark>", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("Bộ trưởng", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_OnlyALoneSyllableOfAPairInTheText_ShowsThePassageStart()
    {
        // The title holds the question; the text only "hệ" of "quan hệ" (the seeds' Án lệ 55 and "hệ thống số").
        _index.Add("Từ khoá của án lệ: chuyển nhượng quyền sử dụng đất. " + Filler + " Giữa nguyên đơn và bị đơn có quan hệ họ hàng. " + Filler, "Án lệ số 55 về hệ thống hợp đồng");
        _index.Commit();

        var fragment = _index.Find("hệ thống số").Hits[0].FragmentHtml;

        Assert.StartsWith("Từ khoá của án lệ", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("quan <mark>hệ</mark>", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_PassageStartShownForALoneSyllable_DoesNotMarkIt()
    {
        // The seeds' Án lệ for "cai cach hanh chinh": "thi hành án" eight times, no "hành chính" anywhere.
        _index.Add("Kể từ ngày người được thi hành án có đơn yêu cầu thi hành án, người phải thi hành án chậm thi hành thì trả lãi. " + Filler);
        _index.Commit();

        var fragment = _index.Find("cai cach hanh chinh").Hits[0].FragmentHtml;

        Assert.StartsWith("Kể từ ngày", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_TwoLoneSyllablesOfDifferentWords_StillAWindowAroundThem()
    {
        // "thuế đất" typed as one pair: "Thuế sử dụng đất" holds both words, apart.
        _index.Add(Filler + " Thuế sử dụng đất nông nghiệp được miễn. " + Filler);
        _index.Commit();

        var fragment = _index.Find("thuế đất").Hits[0].FragmentHtml;

        Assert.Contains("<mark>Thuế</mark> sử dụng <mark>đất</mark>", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippet_SecondWindowOfLoneSyllablesOnly_LeftOut()
    {
        _index.Add("Đây là tài liệu mới của tỉnh. " + Filler + " Bộ trưởng yêu cầu bồi thường, chú ý dinh dưỡng và cán cân thu chi. " + Filler);
        _index.Commit();

        var fragment = _index.Find("tài liệu bồi dưỡng cán bộ").Hits[0].FragmentHtml;

        Assert.Equal(["tài", "liệu"], Marked(fragment));
    }

    [Fact]
    public void Snippet_EndingWithAWholeSentence_EllipsisSetApart()
    {
        _index.Add("Sau khi hòa giải ở xã thì bà có thấy anh đổ đá trên thửa đất. " + Filler);
        _index.Commit();

        var fragment = _index.Find("hoà giải").Hits[0].FragmentHtml;

        Assert.EndsWith("thửa đất. …", fragment, StringComparison.Ordinal);
    }

    public void Dispose() => _index.Dispose();

    private static List<string> Marked(string fragment) => [.. MarkPattern().Matches(fragment).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkPattern();
}
