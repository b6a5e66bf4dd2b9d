namespace TeamWiki.Storage.Changes;

/// <summary>What a commit did to an item.</summary>
public enum ChangeKind
{
    /// <summary>The item appeared.</summary>
    Added,

    /// <summary>The item's file changed in place.</summary>
    Modified,

    /// <summary>The item is gone (a deleted task moved to the deleted folder counts as deleted).</summary>
    Deleted,

    /// <summary>The item's file moved (a page moved or renamed); its content may have changed too.</summary>
    Moved,
}
