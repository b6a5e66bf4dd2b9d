using TeamWiki.Search;

namespace TeamWiki.Web.Search.Indexing;

/// <summary>
/// Records the index holds that are not in git (posts, comments, people): a full rebuild asks each
/// source for all of its records and writes them in the same Lucene commit as the pages. An interface,
/// so the feeder does not depend on what the sources depend on (accounts, conversation).
/// </summary>
public interface IRebuildSource
{
    /// <summary>Every record of this source, as it is now.</summary>
    Task<IReadOnlyList<SearchDocument>> AllAsync(CancellationToken ct = default);

    /// <summary>
    /// Pages, tasks or documents (<c>kind:id</c>) changed, moved or went away in git: records that depend
    /// on them (a comment shows its target's title and is found only while its target exists) follow.
    /// </summary>
    Task ItemsChangedAsync(IReadOnlyCollection<string> items, CancellationToken ct = default);
}
