using KnowledgeBase.Vietnamese.Text;

namespace KnowledgeBase.Vietnamese.Words;

/// <summary>
/// Function syllables of Vietnamese — conjunctions, prepositions, particles, pronouns, quantifiers, copulas and
/// aspect markers (<c>và</c>, <c>của</c>, <c>vào</c>, <c>đây</c>, <c>đã</c>) — which say nothing about what a
/// passage is about. Exact forms (accents count: <c>các</c> is one, <c>cắc</c> is not). Written for this project
/// from ordinary grammar, as <c>query-fillers.txt</c>; CC0. Thread-safe.
/// </summary>
public static class StopSyllables
{
    private static readonly HashSet<string> Words = new(
        """
        và của là có được các những cho trong với này đó đây kia ấy vào ra lên xuống thì mà đã sẽ đang vẫn còn một
        không chưa như để khi từ theo tại về do bị nên hay hoặc cũng rất lại nữa nhiều ít mỗi mọi cả chỉ đều thế vậy
        nào gì ai sau trước trên dưới giữa qua bằng nếu vì nhưng tuy dù rồi ở bởi phải thể việc nơi đến tới đi làm sự
        nhằm thuộc nhau mình họ chúng ta tôi bạn ông bà anh chị em hơn nhất cùng đấy thêm vừa mới luôn hết gồm bao
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Whether <paramref name="syllable"/> (any case, any tone placement) is a function syllable.</summary>
    public static bool Contains(string syllable)
    {
        ArgumentNullException.ThrowIfNull(syllable);
        return Words.Contains(VietnameseText.NormalizeTerm(syllable));
    }
}
