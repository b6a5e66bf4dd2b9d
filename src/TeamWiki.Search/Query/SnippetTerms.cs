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

    public bool IsEmpty => Terms.Count == 0 && Prefix is null;
}
