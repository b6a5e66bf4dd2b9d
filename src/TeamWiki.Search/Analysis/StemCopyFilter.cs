using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;

namespace TeamWiki.Search.Analysis;

/// <summary>
/// Emits every token as it is (a keyword, so the stemmer leaves it alone), then a copy typed
/// <see cref="StemType"/> for the stemmer to stem and <see cref="StemMarkFilter"/> to mark. A word the
/// word lists do not know (a loan word, a rare form: "screeningen") gets a second copy typed
/// <see cref="GuessType"/>, stemmed but left unmarked: for such a word the stem is the best guess at its
/// dictionary form, and ranks like one. Lucene's <c>KeywordRepeatFilter</c> cannot be used: the stemmer
/// override map sets the keyword flag on the copies it stems ("fietsen" → "fiets"), so the flag would no
/// longer tell the copy apart.
/// </summary>
internal sealed class StemCopyFilter : TokenFilter
{
    /// <summary>The token type of a copy that is to become a marked stem.</summary>
    public const string StemType = "stem";

    /// <summary>The token type of a copy that is to become an unmarked stem (a guessed dictionary form).</summary>
    public const string GuessType = "stem-guess";

    private readonly DutchLexicon _lexicon;
    private readonly IKeywordAttribute _keyword;
    private readonly IPositionIncrementAttribute _increment;
    private readonly ITypeAttribute _type;
    private readonly ICharTermAttribute _term;
    private State? _copy;
    private bool _guess;

    public StemCopyFilter(TokenStream input, DutchLexicon lexicon) : base(input)
    {
        _lexicon = lexicon;
        _keyword = AddAttribute<IKeywordAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_copy is not null)
        {
            RestoreState(_copy);
            _keyword.IsKeyword = false;
            _increment.PositionIncrement = 0;
            if (_guess)
            {
                _guess = false;
                _type.Type = GuessType;
            }
            else
            {
                _copy = null;
                _type.Type = StemType;
            }

            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        // A dictionary form the synonym filter added is known by definition.
        _guess = _type.Type != SynonymFilter.TYPE_SYNONYM && !_lexicon.Knows(_term.Buffer, _term.Length);
        _copy = CaptureState();
        _keyword.IsKeyword = true;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _copy = null;
        _guess = false;
    }
}
