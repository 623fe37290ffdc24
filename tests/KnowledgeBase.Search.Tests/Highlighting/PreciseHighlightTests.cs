using System.Text.RegularExpressions;
using KnowledgeBase.Search.Tests.Testing;

namespace KnowledgeBase.Search.Tests.Highlighting;

/// <summary>Issue 13: a word typed with accents marks other accent forms only where the passage lacks its own.</summary>
public sealed partial class PreciseHighlightTests : IDisposable
{
    private readonly InMemoryIndex _index = new();

    [Theory]
    [InlineData("tài liệu bồi dưỡng cán bộ", "Tài liệu bồi dưỡng cán bộ gồm kê khai tài sản tại cơ quan, cần nộp trước Ấn Độ Dương.", "Tài|liệu|bồi|dưỡng|cán|bộ")]
    [InlineData("máy tính điện tử", "Máy tính điện tử được dùng tự do, tư nhân cũng có.", "Máy|tính|điện|tử")]
    [InlineData("hoà giải", "Hòa giải ở cơ sở; Giai đoạn hai.", "Hòa|giải")]
    [InlineData("kế hoạch", "Kế hoạch năm; Kể cả các dự án.", "Kế|hoạch")]
    public void Highlight_AccentedQuery_MarksOnlyExactFormsWhereThePassageHasThem(string query, string text, string marked)
    {
        _index.Add(text);
        _index.Commit();

        Assert.Equal(marked.Split('|'), Marked(_index.Find(query).Hits[0].FragmentHtml));
    }

    [Fact]
    public void Highlight_NoExactFormInPassage_MarksTheOtherAccentForm()
    {
        _index.Add("Tỉnh lập kể hoạch năm.");
        _index.Commit();

        Assert.Equal(["kể", "hoạch"], Marked(_index.Find("kế hoạch").Hits[0].FragmentHtml));
    }

    [Fact]
    public void Highlight_LoneOtherAccentFormOfAPairedWord_NotMarked()
    {
        _index.Add("Kể từ khi lập kế sách, hoạch định mới xong.");
        _index.Commit();

        Assert.DoesNotContain("Kể", Marked(_index.Find("kế hoạch").Hits[0].FragmentHtml));
    }

    [Fact]
    public void Highlight_LongQuestion_LoneFunctionSyllablesNotMarked()
    {
        _index.Add("Tỉnh và huyện đã đẩy mạnh cải cách hành chính; đào tạo cán bộ và khen thưởng đều được giao cho sở.");
        _index.Commit();

        var marked = Marked(_index.Find("kinh nghiệm cải cách hành chính và việc đào tạo cán bộ được thực hiện như thế nào").Hits[0].FragmentHtml);

        Assert.Equal(["cải", "cách", "hành", "chính", "đào", "tạo", "cán", "bộ"], marked);
    }

    [Fact]
    public void Highlight_StrippedQuery_MarksEveryAccentForm()
    {
        _index.Add("Hòa bình, giải quyết và giai đoạn.");
        _index.Commit();

        Assert.Equal(["Hòa", "giải", "giai"], Marked(_index.Find("hoa giai").Hits[0].FragmentHtml));
    }

    [Fact]
    public void Highlight_LongPassage_OneEllipsisBetweenWindows_NoRuns()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Nội dung khác của văn bản được trình bày ở đây.", 12));
        _index.Add("Mở đầu về cải cách. " + filler + " Đoạn về hành chính công. " + filler);
        _index.Commit();

        var fragment = _index.Find("cải cách hành chính").Hits[0].FragmentHtml;

        Assert.DoesNotContain("… …", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("……", fragment, StringComparison.Ordinal);
        Assert.True(fragment.Count(c => c == '…') <= 2, fragment);
        Assert.Contains("<mark>cải</mark> <mark>cách</mark>", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_WindowIsWholeSentences()
    {
        var before = string.Join(' ', Enumerable.Repeat("Câu mở đầu nói chuyện khác hẳn.", 8));
        var after = string.Join(' ', Enumerable.Repeat("Câu kết thúc cũng nói chuyện khác.", 8));
        _index.Add(before + " Tỉnh đẩy mạnh cải cách hành chính trong năm qua. " + after);
        _index.Commit();

        var fragment = _index.Find("cải cách hành chính").Hits[0].FragmentHtml;

        Assert.StartsWith("…", fragment, StringComparison.Ordinal);
        Assert.Contains("…Tỉnh đẩy mạnh", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("hẳn. Tỉnh", fragment, StringComparison.Ordinal);
    }

    [Fact]
    public void Highlight_NavigationLines_NotChosenOverASentence()
    {
        var menu = string.Join('\n', Enumerable.Range(1, 8).Select(i => $" • Dự án: Cải cách hành chính giai đoạn {i}\n  Kể..."));
        var body = string.Join(' ', Enumerable.Repeat("Nội dung khác của văn bản được trình bày ở đây.", 6));
        _index.Add(body + "\nChương trình hỗ trợ cải cách hành chính ở cấp tỉnh đã đạt kết quả tốt.\n" + menu);
        _index.Commit();

        var fragment = _index.Find("cai cach hanh chinh").Hits[0].FragmentHtml;

        Assert.Contains("Chương trình hỗ trợ", fragment, StringComparison.Ordinal);
        Assert.False(fragment.Contains('•', StringComparison.Ordinal), fragment);
        Assert.False(fragment.Contains("Kể", StringComparison.Ordinal), fragment);
    }

    private static List<string> Marked(string html) => [.. MarkPattern().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkPattern();

    public void Dispose() => _index.Dispose();
}
