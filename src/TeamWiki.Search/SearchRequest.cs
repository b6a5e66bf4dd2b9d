namespace TeamWiki.Search;

/// <summary>A search as the user asked it.</summary>
/// <param name="Query">The query text (words, "phrases", -exclusions, tag:/space:/author: filters).</param>
/// <param name="Limit">Page size.</param>
/// <param name="Offset">Hits to skip.</param>
/// <param name="Space">Only this space.</param>
/// <param name="Tag">Only this tag.</param>
/// <param name="Sort">"relevance" (default) or "date" (newest first).</param>
/// <param name="PrefixLastWord">Match the last word as the start of a word too (search-as-you-type).</param>
/// <param name="VisibleSpaces">Only these spaces and audiences (the reader's permissions); null: all.</param>
/// <param name="Kind">Only this kind ("page", "post", "person", …), as <c>kind:</c> in the query does.</param>
public sealed record SearchRequest(
    string Query,
    int Limit = 10,
    int Offset = 0,
    string? Space = null,
    string? Tag = null,
    string? Sort = null,
    bool PrefixLastWord = false,
    IReadOnlyCollection<string>? VisibleSpaces = null,
    string? Kind = null)
{
    /// <summary>Largest page of results.</summary>
    public const int MaxLimit = 100;

    /// <summary>Deepest paging.</summary>
    public const int MaxOffset = 10_000;
}
