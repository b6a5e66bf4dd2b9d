namespace TeamWiki.Search;

/// <summary>One hit.</summary>
public sealed record SearchHit(string Kind, string Path, string Title, string Space, string Snippet, float Score, IReadOnlyList<string> Tags, DateTimeOffset Updated);

/// <summary>The answer to a <see cref="SearchRequest"/>.</summary>
/// <param name="Total">All hits, not only this page.</param>
/// <param name="Items">The hits of this page.</param>
/// <param name="Facets">Counts per value of "space" and "tag" over all hits.</param>
/// <param name="Suggestion">A corrected query ("Bedoelde u …?"), or null.</param>
/// <param name="Notices">Why the query was not run exactly as written (cut, fuzzy fallback, …).</param>
/// <param name="TookMs">Time spent in the index, in milliseconds.</param>
public sealed record SearchResults(
    int Total,
    IReadOnlyList<SearchHit> Items,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets,
    string? Suggestion,
    IReadOnlyList<Query.QueryNotice> Notices,
    double TookMs)
{
    /// <summary>No hits.</summary>
    public static SearchResults Empty(IReadOnlyList<Query.QueryNotice>? notices = null) =>
        new(0, [], new Dictionary<string, IReadOnlyDictionary<string, int>> { ["space"] = new Dictionary<string, int>(), ["tag"] = new Dictionary<string, int>() },
            null, notices ?? [], 0);
}

/// <summary>A title suggestion while typing.</summary>
public sealed record SearchSuggestion(string Kind, string Path, string Title, string Space);
