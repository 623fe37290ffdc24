namespace KnowledgeBase.Web.Models;

/// <summary>
/// Previous/next paging with the numbers of the pages around this one (at most <see cref="Numbers"/>), none past
/// <see cref="TotalPages"/>, the last page that holds results; <see cref="Link"/> builds the address of a page.
/// </summary>
public sealed record PagerModel(int Page, int TotalPages, Func<int, string> Link)
{
    public const int Numbers = 10;

    /// <summary>The numbered pages shown: up to <see cref="Numbers"/>, this one among them with up to five before it.</summary>
    public IEnumerable<int> Window()
    {
        var first = Math.Max(1, Page - 5);
        var last = Math.Min(TotalPages, first + Numbers - 1);
        first = Math.Max(1, last - Numbers + 1);
        return Enumerable.Range(first, Math.Max(0, last - first + 1));
    }
}
