using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TeamWiki.Search.Analysis;

/// <summary>
/// Keeps only the parts a compound filter added (the tokens stacked on a word) and drops the words
/// themselves, and a "part" that is the whole word: the main fields hold the words already, so the
/// parts field analyses only what is new there. The position of a dropped word moves to its first part.
/// </summary>
internal sealed class CompoundPartsOnlyFilter : TokenFilter
{
    private readonly IPositionIncrementAttribute _increment;
    private readonly ICharTermAttribute _term;
    private string _word = "";
    private int _pending;
    private bool _started;

    public CompoundPartsOnlyFilter(TokenStream input) : base(input)
    {
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        while (m_input.IncrementToken())
        {
            if (_increment.PositionIncrement > 0)
            {
                // A word: remember it and where it stood; its parts (if any) follow with increment 0.
                _pending += _increment.PositionIncrement;
                _word = _term.ToString();
                continue;
            }

            if (_term.Length == _word.Length && _term.ToString() == _word)
            {
                continue;
            }

            _increment.PositionIncrement = _started ? _pending : Math.Max(_pending, 1);
            _pending = 0;
            _started = true;
            return true;
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        _word = "";
        _pending = 0;
        _started = false;
    }
}
