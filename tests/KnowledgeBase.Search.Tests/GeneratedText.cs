using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Search.Tests;

/// <summary>Random passages and questions over a small Vietnamese vocabulary, for the tests that compare a fast path with an exhaustive one on a generated index.</summary>
internal static class GeneratedText
{
    /// <summary>Syllables of land law, an epidemic, a university and history: common words and rare ones, some shared with each other.</summary>
    public static readonly string[] Vocabulary = [.. (
        "theo quy định của pháp luật về đất đai người sử dụng đất có quyền chuyển nhượng cho thuê thế chấp góp vốn " +
        "bằng quyền sử dụng đất khi có giấy chứng nhận không có tranh chấp trong thời hạn sử dụng ủy ban nhân dân " +
        "tỉnh thành phố trực thuộc trung ương quyết định giá đất cụ thể hội đồng thẩm định bảng giá hằng năm " +
        "bệnh nhân nhiễm vi rút corona được cách ly tại cơ sở y tế xét nghiệm dương tính âm tính triệu chứng sốt ho " +
        "sinh viên trường đại học công nghệ thông tin học phí tín chỉ điểm trung bình học kỳ tốt nghiệp bằng cấp " +
        "hà nội sài gòn đà nẵng huế cần thơ việt nam lịch sử văn hóa chiến tranh độc lập hiến pháp quốc hội chính phủ")
        .Split(' ').Distinct(StringComparer.Ordinal)];

    /// <summary>Words drawn with a skew (the first of the vocabulary most often), as syllables are in a corpus.</summary>
    public static string Sentence(Random random, string[] vocabulary, int length) =>
        string.Join(' ', Enumerable.Range(0, length).Select(_ => vocabulary[(int)Math.Min(vocabulary.Length - 1, Math.Floor(vocabulary.Length * Math.Pow(random.NextDouble(), 2.2)))]));

    /// <summary>A question of 2–40 words; a third typed without accents, some with a typo.</summary>
    public static string Question(Random random, string[] vocabulary)
    {
        var words = Enumerable.Range(0, random.Next(2, 41)).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToList();
        if (random.Next(4) == 0)
        {
            words.Add("chuyenn");
        }

        var text = string.Join(' ', words);
        return random.Next(3) == 0 ? VietnameseText.Fold(text) : text;
    }
}
