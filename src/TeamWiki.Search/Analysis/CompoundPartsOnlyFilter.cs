using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TeamWiki.Search.Analysis;

/// <summary>
/// Keeps only the parts a compound filter added (the tokens stacked on a word) and drops the words
/// themselves, and a "part" that is the whole word: the main fields hold the words already, so the
/// parts field analyses only what is new there. The position of a dropped word moves to its first part.
/// A part is kept only where the word really splits there (<see cref="CompoundAnchors"/>).
/// </summary>
internal sealed class CompoundPartsOnlyFilter : TokenFilter
{
    private readonly IPositionIncrementAttribute _increment;
    private readonly ICharTermAttribute _term;
    private readonly CompoundAnchors _anchors;
    private char[] _word = new char[32];
    private int _wordLength;
    private int _pending;
    private bool _started;

    public CompoundPartsOnlyFilter(TokenStream input, CompoundAnchors anchors) : base(input)
    {
        _anchors = anchors;
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
                if (_word.Length < _term.Length)
                {
                    _word = new char[_term.Length];
                }

                Array.Copy(_term.Buffer, _word, _term.Length);
                _wordLength = _term.Length;
                continue;
            }

            if (_term.Length == _wordLength && _term.Buffer.AsSpan(0, _term.Length).SequenceEqual(_word.AsSpan(0, _wordLength)))
            {
                continue;
            }

            if (!_anchors.Accepts(_word, _wordLength, _term.Buffer, _term.Length))
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
        _wordLength = 0;
        _pending = 0;
        _started = false;
    }
}
