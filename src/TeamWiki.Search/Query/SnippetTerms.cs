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
    /// Each lower-cased word already judged during this search, with the query word it matched (-1: none).
    /// A results page repeats most of its words ("de", "het", the query's own), so each is judged once;
    /// only the search that made these terms uses them, one hit after another. Dutch and English hits are
    /// analysed differently, so each language has its own.
    /// </summary>
    public Dictionary<string, int> Verdicts(bool english) => english ? _english : _dutch;

    private readonly Dictionary<string, int> _dutch = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _english = new(StringComparer.Ordinal);

    public bool IsEmpty => Terms.Count == 0 && Prefix is null;
}
