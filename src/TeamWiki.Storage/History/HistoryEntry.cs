using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.History;

/// <summary>One row of the history index: one item changed by one commit.</summary>
/// <param name="Commit">The commit (id, author, date, message).</param>
/// <param name="Item">The item after the change (before it, for a deletion).</param>
/// <param name="Kind">Added, modified, deleted or moved.</param>
/// <param name="Path">The item's file after the change (before it, for a deletion).</param>
/// <param name="MovedFrom">For a move: the file before it.</param>
/// <param name="BlobId">The file's blob after the change; null for a deletion.</param>
public sealed record HistoryEntry(GitCommitInfo Commit, ItemRef Item, ChangeKind Kind, string Path, string? MovedFrom, string? BlobId)
{
    /// <summary>The space the item is in after the change.</summary>
    public string Space => ContentPaths.SpaceOf(Path) ?? "";
}
