using System.Globalization;
using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Analysis;

/// <summary>NFC and lower case for each token (a thin adapter over <see cref="VietnameseText"/>).</summary>
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

        var token = _term.ToString();
        var normalized = VietnameseText.ToNfc(token).ToLower(CultureInfo.InvariantCulture);
        if (!string.Equals(token, normalized, StringComparison.Ordinal))
        {
            _term.SetEmpty().Append(normalized);
        }

        return true;
    }
}
