namespace TeamWiki.Search;

/// <summary>The full-text index: derived data that can always be rebuilt from git.</summary>
public interface ISearchIndex
{
    /// <summary>The git commit the index was last brought up to date with, or null (empty index).</summary>
    string? IndexedCommit { get; }

    /// <summary>Number of documents in the index.</summary>
    int Count { get; }

    /// <summary>
    /// Adds or replaces <paramref name="upserts"/>, removes <paramref name="deletes"/> (ids), and records
    /// <paramref name="sourceCommit"/> in the same Lucene commit, so the index never claims a commit it
    /// has not fully indexed. Searches see the change when this returns.
    /// </summary>
    void Apply(IEnumerable<SearchDocument> upserts, IEnumerable<string> deletes, string? sourceCommit);

    /// <summary>Removes everything (before a rebuild).</summary>
    void Clear();

    /// <summary>Runs a search.</summary>
    SearchResults Search(SearchRequest request);

    /// <summary>Title suggestions for what is typed so far, only from <paramref name="visibleSpaces"/> when given.</summary>
    IReadOnlyList<SearchSuggestion> Suggest(string prefix, int max = 10, IReadOnlyCollection<string>? visibleSpaces = null);

    /// <summary>True when the index can be searched.</summary>
    bool IsHealthy();
}
