using KnowledgeBase.Core.Documents;

namespace KnowledgeBase.Core.Search;

/// <summary>
/// Who is reading: which documents a search, its totals and facets, "did you mean", suggestions, similar passages,
/// document pages, originals and the catalog's lists may draw on. Every read takes one: the index hands it to the
/// one filter builder of the search side, the catalog to its one SQL clause, both spelling out
/// <see cref="Sees(DocumentVisibility, string?)"/>. The rule: public documents for anyone allowed to read at all,
/// internal ones for signed-in users, private ones for their owner (<see cref="Owner"/>) and admins
/// (<see cref="SeesEverything"/>). Immutable.
/// </summary>
public sealed class Audience
{
    private readonly HashSet<DocumentVisibility>? _visibilities;

    private Audience(HashSet<DocumentVisibility>? visibilities, string? owner)
    {
        _visibilities = visibilities;
        Owner = owner;
    }

    /// <summary>Every document, whatever its visibility: admins, and the machine's own work (reindex, CLI).</summary>
    public static Audience Everyone { get; } = new(null, null);

    /// <summary>No document at all: an anonymous caller when anonymous reading is off.</summary>
    public static Audience Nobody { get; } = new([], null);

    /// <summary>Anonymous callers: public documents when <paramref name="anonymousRead"/>, else none.</summary>
    public static Audience Anonymous(bool anonymousRead) => anonymousRead ? Of(DocumentVisibility.Public) : Nobody;

    /// <summary>A signed-in user who is not an admin: public and internal documents, and their own private ones.</summary>
    public static Audience User(string userName)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        return new([DocumentVisibility.Public, DocumentVisibility.Internal], userName);
    }

    /// <summary>Only the documents of these visibilities; none at all when the list is empty.</summary>
    public static Audience Of(params IEnumerable<DocumentVisibility> visibilities)
    {
        ArgumentNullException.ThrowIfNull(visibilities);
        return new([.. visibilities], null);
    }

    /// <summary>True when no document is kept from this audience (nothing to filter).</summary>
    public bool SeesEverything => _visibilities is null;

    /// <summary>The user whose private documents this audience sees besides <see cref="Visibilities"/>; null for none.</summary>
    public string? Owner { get; }

    /// <summary>The visibilities seen whoever added the document (empty when <see cref="SeesEverything"/>).</summary>
    public IReadOnlyCollection<DocumentVisibility> Visibilities => _visibilities ?? [];

    /// <summary>Whether documents of <paramref name="visibility"/> are shown to this audience, whoever added them.</summary>
    public bool Sees(DocumentVisibility visibility) => _visibilities?.Contains(visibility) ?? true;

    /// <summary>The rule itself: whether a document of this visibility, added by <paramref name="addedBy"/>, is shown.</summary>
    public bool Sees(DocumentVisibility visibility, string? addedBy) =>
        Sees(visibility) || (visibility == DocumentVisibility.Private && Owner is not null && string.Equals(addedBy, Owner, StringComparison.Ordinal));

    /// <summary>Whether this document is shown to this audience.</summary>
    public bool Sees(DocumentInfo document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Sees(document.Visibility, document.AddedBy);
    }
}
