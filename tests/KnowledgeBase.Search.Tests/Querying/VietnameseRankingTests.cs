using System.Text;
using KnowledgeBase.Search.Tests.Testing;

namespace KnowledgeBase.Search.Tests.Querying;

/// <summary>The behaviours of issue 3, through the production search path.</summary>
public sealed class VietnameseRankingTests : IDisposable
{
    private readonly InMemoryIndex _index = new();

    [Fact]
    public void Search_UnaccentedQuery_FindsAccentedText()
    {
        var reform = _index.Add("Tỉnh đẩy mạnh cải cách hành chính trong năm qua.");
        _index.Commit();

        Assert.Equal([reform], _index.Ranked("cai cach hanh chinh"));
    }

    [Fact]
    public void Search_AccentedQuery_RanksExactAccentsFirstWithoutHidingOthers()
    {
        var other = _index.Add("cái cách nhanh");
        var reform = _index.Add("cải cách nhanh");
        _index.Commit();

        Assert.Equal([reform, other], _index.Ranked("cải cách"));
        Assert.Equal([other, reform], _index.Ranked("cái cách"));
    }

    [Fact]
    public void Search_PartlyAccentedQuery_TreatsEachSyllableAsTyped()
    {
        var a = _index.Add("cải cách nhanh");
        var b = _index.Add("cái cách nhanh");
        var c = _index.Add("cải cạch nhanh");
        _index.Commit();

        // "cai" typed bare matches cải and cái alike; "cách" typed with accents prefers cách.
        var hits = _index.Find("cai cách", highlight: false).Hits;
        Assert.Equal(3, hits.Count);
        Assert.Equal(hits.Single(h => h.DocumentId == a).Score, hits.Single(h => h.DocumentId == b).Score, 4);
        Assert.Equal(c, hits[^1].DocumentId);
    }

    [Fact]
    public void Search_DStrokeTyped_DoesNotMatchPlainD()
    {
        var land = _index.Add("đất nước");
        var thin = _index.Add("dát mỏng");
        _index.Commit();

        Assert.Equal([land], _index.Ranked("đất"));
        Assert.Equal(new[] { land, thin }.Order(), _index.Ranked("dat").Order());
    }

    [Theory]
    [InlineData("hòa bình")]
    [InlineData("hoà bình")]
    [InlineData("HOÀ BÌNH")]
    public void Search_EitherTonePlacement_SameWordRankedExact(string query)
    {
        var peace = _index.Add("Hoà bình và phát triển");
        var chemistry = _index.Add("Hóa bình và phát triển");
        _index.Commit();

        Assert.Equal([peace, chemistry], _index.Ranked(query));
    }

    [Fact]
    public void Search_DecomposedTextAndQuery_MatchComposedAndMarkOriginalLetters()
    {
        var nfdText = "Thủy lợi và cải cách".Normalize(NormalizationForm.FormD);
        var id = _index.Add(nfdText);
        _index.Commit();

        var hit = Assert.Single(_index.Find("thuỷ lợi").Hits);
        Assert.Equal(id, hit.DocumentId);
        Assert.Contains("<mark>" + "Thủy".Normalize(NormalizationForm.FormD) + "</mark>", hit.FragmentHtml, StringComparison.Ordinal);
        Assert.Single(_index.Find("cải cách".Normalize(NormalizationForm.FormD)).Hits);
    }

    [Fact]
    public void Search_ContiguousPhrase_OutranksScatteredSyllables()
    {
        var scattered = _index.Add("chính sách hành động cải tạo cách làm");
        var contiguous = _index.Add("cải cách hành chính sách làm động tạo");
        _index.Commit();

        Assert.Equal([contiguous, scattered], _index.Ranked("cải cách hành chính"));
        Assert.Equal([contiguous, scattered], _index.Ranked("cai cach hanh chinh"));
    }

    [Theory]
    [InlineData("30c/NQ-CP")]
    [InlineData("30c")]
    [InlineData("NQ-CP")]
    public void Search_DocumentNumber_FoundWholeAndByParts(string query)
    {
        var resolution = _index.Add("Thực hiện Nghị quyết 30c/NQ-CP của Chính phủ.");
        _index.Add("Thực hiện Nghị quyết của Chính phủ về cải cách.");
        _index.Commit();

        Assert.Equal(resolution, _index.Ranked(query)[0]);
    }

    [Theory]
    [InlineData("123/2023/NĐ-CP")]
    [InlineData("123/2023/ND-CP")]
    [InlineData("2023")]
    public void Search_DecreeNumber_FoundWholeAndByParts(string query)
    {
        var decree = _index.Add("Căn cứ Nghị định số 123/2023/NĐ-CP ngày 5 tháng 9.");
        _index.Add("Căn cứ Nghị định số 45/2020/NĐ-CP ngày 5 tháng 9.");
        _index.Commit();

        Assert.Equal(decree, _index.Ranked(query)[0]);
    }

    [Fact]
    public void Search_PrecedentNumber_UnitBeatsScatteredParts()
    {
        var precedent = _index.Add("Án lệ Số 43/2021/AL về tranh chấp.");
        var scattered = _index.Add("Năm 2021 có 43 vụ; AL là viết tắt khác.");
        _index.Commit();

        // Typed with accents, the short query requires the whole number (issue 13); typed bare, any part will do.
        Assert.Equal([precedent], _index.Ranked("Số 43/2021/AL"));
        Assert.Equal([precedent, scattered], _index.Ranked("So 43/2021/AL"));
    }

    [Fact]
    public void Search_Question_QuestionWordsDoNotDrownContentWords()
    {
        var answer = _index.Add("Hồ sơ đăng ký thường trú gồm tờ khai và giấy tờ chứng minh chỗ ở hợp pháp.");
        _index.Add("Anh cần những gì? Cần gì thì hỏi, gì cũng được, những gì cũng xong.");
        _index.Commit();

        Assert.Equal(answer, _index.Ranked("Thủ tục đăng ký thường trú cần những giấy tờ gì?")[0]);
    }

    [Fact]
    public void Search_StrayQuoteOrDashedNumber_ReadAsPlainText()
    {
        var covid = _index.Add("Tiêm vaccine Covid-19 cho người cao tuổi.");
        _index.Commit();

        Assert.Equal([covid], _index.Ranked("tiêm vaccine Covid -19"));
        Assert.Equal([covid], _index.Ranked("\"tiêm vaccine"));
    }

    [Fact]
    public void Search_VeryLongQuestion_StillAnswered()
    {
        var answer = _index.Add("Người bị hen phế quản ổn định có thể tiêm vaccine.");
        _index.Commit();
        var longQuestion = string.Join(' ', Enumerable.Repeat("tôi bị hen phế quản từ nhỏ, uống thuốc đều, có tiêm vaccine được không", 12));

        Assert.Equal([answer], _index.Ranked(longQuestion));
    }

    [Fact]
    public void Search_MisspeltWord_FindsNearestSpelling()
    {
        var vaccine = _index.Add("Lịch tiêm vaccine cho người lớn.");
        _index.Add("Lịch khám sức khỏe cho người lớn.");
        _index.Commit();

        Assert.Equal(vaccine, _index.Ranked("lịch tiêm vaccince")[0]);
        Assert.Contains("<mark>vaccine</mark>", _index.Find("vaccince").Hits[0].FragmentHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_QuestionWordThatStartsAWord_Kept()
    {
        var egypt = _index.Add("Roosevelt bay đến Ai Cập để gặp các lãnh đạo.");
        _index.Add("Ai Cập có kim tự tháp.");
        _index.Add("Roosevelt bay đến Anh để gặp các lãnh đạo.");
        _index.Commit();

        Assert.Equal(egypt, _index.Ranked("roosevelt đã bay đến ai cập với mục đích gì?")[0]);
    }

    [Fact]
    public void Search_WordsInOneSentence_OutrankWordsSpreadAcrossSentences()
    {
        var spread = _index.Add("Hai người đi thuyền. Đảo xa lắm. Sông Seine chảy qua Paris.");
        var together = _index.Add("Người đi thuyền xa lắm. Hai đảo nằm giữa sông Seine ở Paris.");
        _index.Commit();

        Assert.Equal([together, spread], _index.Ranked("hai dao nam giua song seine"));
        Assert.Equal([together], _index.Ranked("hai đảo nằm giữa sông seine"));
    }

    [Fact]
    public void Search_Paging_ConsistentAcrossPages()
    {
        for (var i = 0; i < 30; i++)
        {
            _index.Add($"cải cách hành chính lần {i} " + string.Concat(Enumerable.Repeat("và ", i)));
        }

        _index.Commit();
        var all = _index.Search.Search(new Core.Search.SearchRequest { Query = "cải cách hành chính", PageSize = 30, Highlight = false }).Hits.Select(h => h.DocumentId).ToList();
        var paged = Enumerable.Range(1, 3)
            .SelectMany(p => _index.Search.Search(new Core.Search.SearchRequest { Query = "cải cách hành chính", Page = p, PageSize = 10, Highlight = false }).Hits)
            .Select(h => h.DocumentId)
            .ToList();

        Assert.Equal(all, paged);
    }

    public void Dispose() => _index.Dispose();
}
