namespace TeamWiki.Storage.Items;

/// <summary>
/// The stored names of <see cref="ItemKind"/>: the prefix of "kind:id" in watches, comments and activity
/// rows, and the kind of a search record. These strings are in stored data, so they never change.
/// </summary>
public static class ItemKinds
{
    /// <summary>"page".</summary>
    public const string Page = "page";

    /// <summary>"task".</summary>
    public const string Task = "task";

    /// <summary>"document".</summary>
    public const string Document = "document";

    /// <summary>"space".</summary>
    public const string Space = "space";

    /// <summary>The kinds held in git, in the order the UI lists them.</summary>
    public static readonly IReadOnlyList<ItemKind> All = [ItemKind.Page, ItemKind.Task, ItemKind.Document, ItemKind.Space];

    /// <summary>The stored name of a kind.</summary>
    public static string Name(this ItemKind kind) => kind switch
    {
        ItemKind.Page => Page,
        ItemKind.Task => Task,
        ItemKind.Document => Document,
        ItemKind.Space => Space,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown item kind"),
    };

    /// <summary>The kind with a stored name (case-insensitive), or null.</summary>
    public static ItemKind? FromName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        Page => ItemKind.Page,
        Task => ItemKind.Task,
        Document => ItemKind.Document,
        Space => ItemKind.Space,
        _ => null,
    };
}
