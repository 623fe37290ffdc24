using KnowledgeBase.Vietnamese.Text;
using KnowledgeBase.Vietnamese.Tokens;

namespace KnowledgeBase.Vietnamese.Acronyms;

/// <summary>
/// An acronym and one expansion: <c>CCHC</c> → <c>cải cách hành chính</c>. <see cref="ShortForm"/> is kept as
/// written; <see cref="Expansion"/> is normalized (NFC, lower case, canonical tone marks, single spaces,
/// no punctuation). Two acronyms are equal when their <see cref="Key"/> and expansion are. Immutable.
/// </summary>
public sealed class Acronym : IEquatable<Acronym>
{
    public Acronym(string shortForm, string expansion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(shortForm);
        ArgumentException.ThrowIfNullOrWhiteSpace(expansion);
        ShortForm = VietnameseText.ToNfc(shortForm.Trim());
        var text = VietnameseText.ToNfc(expansion);
        Syllables = TextTokenizer.Tokenize(text)
            .Where(t => t.Kind != TokenKind.Code)
            .Select(t => VietnameseText.NormalizeTerm(t.TextOf(text)))
            .ToArray();
        if (Syllables.Count == 0)
        {
            throw new ArgumentException("An expansion needs at least one word.", nameof(expansion));
        }

        Expansion = string.Join(' ', Syllables);
        Key = VietnameseText.Fold(VietnameseText.NormalizeTerm(ShortForm));
    }

    public string ShortForm { get; }

    public string Expansion { get; }

    /// <summary>The expansion's syllables, normalized.</summary>
    public IReadOnlyList<string> Syllables { get; }

    /// <summary>The folded lower-case short form (<c>HĐND</c> → <c>hdnd</c>): what a typed acronym is looked up by.</summary>
    public string Key { get; }

    public bool Equals(Acronym? other) =>
        other is not null && string.Equals(Key, other.Key, StringComparison.Ordinal) && string.Equals(Expansion, other.Expansion, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Acronym);

    public override int GetHashCode() => HashCode.Combine(Key, Expansion);

    public override string ToString() => $"{ShortForm} = {Expansion}";
}
