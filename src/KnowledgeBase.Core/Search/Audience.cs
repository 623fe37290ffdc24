using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Who is reading: which documents a search, its totals and facets, "did you mean", suggestions and similar
/// passages may draw on. Every read of the index takes one and hands it to the one filter builder of the search
/// side, which applies it in the engine; the accounts work (a signed-in user who also sees their own private
/// documents) extends this type and that builder, never each surface. Immutable.
/// </summary>
public sealed class Audience
{
    private readonly HashSet<DocumentVisibility>? _visibilities;

    private Audience(HashSet<DocumentVisibility>? visibilities)
    {
        _visibilities = visibilities;
    }

    /// <summary>Every document, whatever its visibility: every caller until accounts exist.</summary>
    public static Audience Everyone { get; } = new(null);

    /// <summary>Only the documents of these visibilities; none at all when the list is empty.</summary>
    public static Audience Of(params IEnumerable<DocumentVisibility> visibilities)
    {
        ArgumentNullException.ThrowIfNull(visibilities);
        return new([.. visibilities]);
    }

    /// <summary>True when no document is kept from this audience (nothing to filter).</summary>
    public bool SeesEverything => _visibilities is null;

    /// <summary>Whether documents of <paramref name="visibility"/> are shown to this audience.</summary>
    public bool Sees(DocumentVisibility visibility) => _visibilities?.Contains(visibility) ?? true;
}
