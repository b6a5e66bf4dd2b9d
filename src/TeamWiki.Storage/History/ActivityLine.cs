using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.History;

/// <summary>
/// One line of the content activity: one page, task or document created, edited or deleted by one commit.
/// A move reads as two lines, the old item deleted in its space and the new one created in its own, so
/// each line belongs to exactly one space and a reader of only one side learns nothing of the other.
/// </summary>
/// <param name="Item">The item (before the change, for a deletion).</param>
/// <param name="Kind">Added, modified or deleted (never moved: see above).</param>
/// <param name="Space">The space the line belongs to: the item's space on its side of the change.</param>
/// <param name="Path">The item's file on that side.</param>
/// <param name="Commit">The commit (id, author, date, message).</param>
/// <param name="Sequence">The commit's place in branch order (higher is later).</param>
public sealed record ActivityLine(ItemRef Item, ChangeKind Kind, string Space, string Path, GitCommitInfo Commit, long Sequence);
