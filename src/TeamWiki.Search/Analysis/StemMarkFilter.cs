using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TeamWiki.Search.Analysis;

/// <summary>
/// Puts <see cref="Marker"/> in front of every stem the <see cref="StemCopyFilter"/> copies became, so a
/// stem is a term of its own ("~regel") and never the same term as a word or a dictionary form ("regel").
/// The stemmer joins different words at one stem ("buiten" and "buit" → buit, "instellen" and
/// "instelling" → instel); kept apart, a page that shares only the stem with the query can be ranked
/// below one that has the query's word or dictionary form, and still be found.
/// </summary>
internal sealed class StemMarkFilter : TokenFilter
{
    /// <summary>The first character of a stem term: one the tokenizer never leaves in a word.</summary>
    public const char Marker = '~';

    private readonly ICharTermAttribute _term;
    private readonly ITypeAttribute _type;

    public StemMarkFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    /// <summary>True when a term is a marked stem.</summary>
    public static bool IsStem(string term) => term.Length > 0 && term[0] == Marker;

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (_type.Type == StemCopyFilter.StemType)
        {
            var length = _term.Length;
            var buffer = _term.ResizeBuffer(length + 1);
            Array.Copy(buffer, 0, buffer, 1, length);
            buffer[0] = Marker;
            _term.Length = length + 1;
        }

        return true;
    }
}
