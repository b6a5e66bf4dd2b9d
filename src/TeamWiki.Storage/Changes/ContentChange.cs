using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.Changes;

/// <summary>One item changed by one commit, as the change feed publishes it.</summary>
/// <param name="Item">The item after the change (before it, for a deletion).</param>
/// <param name="Kind">Added, modified, deleted or moved.</param>
/// <param name="PathBefore">The file before the commit; null when added.</param>
/// <param name="PathAfter">The file after the commit; null when deleted.</param>
/// <param name="BlobBefore">The file's blob id before the commit; null when added.</param>
/// <param name="BlobAfter">The file's blob id after the commit; null when deleted.</param>
/// <param name="Author">The commit's author name.</param>
/// <param name="AuthorEmail">The commit's author e-mail.</param>
/// <param name="When">The author date.</param>
/// <param name="Commit">The commit id.</param>
public sealed record ContentChange(
    ItemRef Item,
    ChangeKind Kind,
    string? PathBefore,
    string? PathAfter,
    string? BlobBefore,
    string? BlobAfter,
    string Author,
    string AuthorEmail,
    DateTimeOffset When,
    string Commit)
{
    /// <summary>The item before a move (its old path's item); otherwise <see cref="Item"/>.</summary>
    public ItemRef ItemBefore => Kind == ChangeKind.Moved && Items.ContentPaths.Classify(PathBefore) is { } before ? before : Item;

    /// <summary>The path the item has after the change, or had before a deletion.</summary>
    public string Path => PathAfter ?? PathBefore!;

    /// <summary>The space the item is in after the change (before it, for a deletion).</summary>
    public string Space => ContentPaths.SpaceOf(Path) ?? "";
}
