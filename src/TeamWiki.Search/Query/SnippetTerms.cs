namespace TeamWiki.Search.Query;

/// <summary>
/// What a snippet marks: every analysed term of the query's words (form, stem, dictionary form, folded
/// accents; Dutch and English), the words themselves for finding them inside compounds, and the word
/// being typed as a prefix. Each term knows which query word it came from, so a snippet showing more
/// different words wins over one repeating a single word.
/// </summary>
internal sealed class SnippetTerms
{
    public Dictionary<string, int> Terms { get; } = new(StringComparer.Ordinal);

    public List<(string Part, int Word)> Parts { get; } = [];

    public (string Prefix, int Word)? Prefix { get; set; }

    public int Words { get; set; }

    /// <summary>
    /// Each word (as written) already judged during this search, with the query word it matched (-1: none).
    /// A results page repeats most of its words ("de", "het", the query's own), so each is judged once;
    /// only the search that made these terms uses them, one hit after another. Dutch and English hits are
    /// analysed differently, so each language has its own.
    /// </summary>
    public Dictionary<string, int> Verdicts(bool english) => english ? _english : _dutch;

    // Sized for a results page: ten hits share a few thousand different words, and growing one word at a
    // time rehashed the table again and again.
    private readonly Dictionary<string, int> _dutch = new(2048, StringComparer.Ordinal);
    private readonly Dictionary<string, int> _english = new(256, StringComparer.Ordinal);
    private (WordMemo Memo, (int TermId, int Word)[] Ids)? _termIds;

    /// <summary>
    /// The query's terms as the word memo numbers them, in the order <see cref="Terms"/> gives each term its
    /// query word; numbered again when the memo was replaced since.
    /// </summary>
    public (int TermId, int Word)[] TermIds(WordMemo memo)
    {
        if (_termIds is { } known && ReferenceEquals(known.Memo, memo))
        {
            return known.Ids;
        }

        var ids = Terms.Select(t => (memo.IdOf(t.Key), t.Value)).ToArray();
        _termIds = (memo, ids);
        return ids;
    }

    public bool IsEmpty => Terms.Count == 0 && Prefix is null;
}
