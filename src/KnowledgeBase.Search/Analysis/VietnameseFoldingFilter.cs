using KnowledgeBase.Vietnamese.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KnowledgeBase.Search.Analysis;

/// <summary>Removes diacritics from each token, đ → d (a thin adapter over <see cref="VietnameseText.Fold"/>).</summary>
public sealed class VietnameseFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public VietnameseFoldingFilter(TokenStream input)
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
        if (VietnameseText.HasDiacritics(token))
        {
            _term.SetEmpty().Append(VietnameseText.Fold(token));
        }

        return true;
    }
}
