using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Analysis;

/// <summary>
/// NFC, lower case and canonical tone placement for each token (a thin adapter over
/// <see cref="VietnameseText.NormalizeTerm"/>): <c>Hoà</c>, <c>hòa</c> and their NFD forms index as one term.
/// </summary>
public sealed class VietnameseNormalizationFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public VietnameseNormalizationFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (AsciiLowerCaseInPlace(_term.Buffer, _term.Length))
        {
            return true;
        }

        var token = _term.ToString();
        var normalized = VietnameseText.NormalizeTerm(token);
        if (!ReferenceEquals(token, normalized))
        {
            _term.SetEmpty().Append(normalized);
        }

        return true;
    }

    /// <summary>Lower-cases an ASCII token in place (most tokens of mixed text); false when it is not ASCII.</summary>
    private static bool AsciiLowerCaseInPlace(char[] buffer, int length)
    {
        for (var i = 0; i < length; i++)
        {
            if (buffer[i] > '\u007F')
            {
                return false;
            }
        }

        for (var i = 0; i < length; i++)
        {
            buffer[i] = char.ToLowerInvariant(buffer[i]);
        }

        return true;
    }
}
