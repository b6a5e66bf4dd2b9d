namespace TeamWiki.Storage.Spaces;

/// <summary>Who may see a space besides its members.</summary>
public enum SpaceVisibility
{
    /// <summary>Every staff account reads and writes; guests only when invited.</summary>
    Internal,

    /// <summary>Only members (and admins).</summary>
    Private,
}

/// <summary>A column of a space's task board: a status key (slug) and its display name.</summary>
public sealed record BoardColumn(string Key, string Name);

/// <summary>A space: a top-level folder of the repository. Its folder name is its key.</summary>
/// <param name="Key">The folder name, a slug.</param>
/// <param name="Name">Display name from <c>_space.yml</c>, else the key as words.</param>
/// <param name="Description">Description from <c>_space.yml</c>, or empty.</param>
/// <param name="Language">The space's language (<c>lang: en</c> in <c>_space.yml</c>), or null for Dutch.</param>
public sealed record SpaceInfo(string Key, string Name, string Description, string? Language = null)
{
    /// <summary>The default board: to do, doing, done (shown in Dutch in the UI).</summary>
    public static readonly IReadOnlyList<BoardColumn> DefaultColumns = [new("todo", "To do"), new("doing", "Doing"), new("done", "Done")];

    /// <summary>A colour for the space (#rrggbb), or null.</summary>
    public string? Colour { get; init; }

    /// <summary>Internal (all staff) or private (members only).</summary>
    public SpaceVisibility Visibility { get; init; } = SpaceVisibility.Internal;

    /// <summary>An archived space is read-only and hidden from lists.</summary>
    public bool Archived { get; init; }

    /// <summary>The prefix of task keys (<c>HB</c> in <c>HB-12</c>); unique across spaces.</summary>
    public string TaskPrefix { get; init; } = "";

    /// <summary>The board's columns, in order; the last one counts as done.</summary>
    public IReadOnlyList<BoardColumn> Columns { get; init; } = DefaultColumns;

    /// <summary>
    /// Why <c>_space.yml</c> could not be read, or null when it could (or there is none). A space whose
    /// file is unreadable is private and open only to its owners and admins until the file is repaired:
    /// a broken file must never make a private space readable for everyone.
    /// </summary>
    public string? SettingsProblem { get; init; }

    /// <summary>The status of finished tasks (the last column).</summary>
    public string DoneStatus => Columns[^1].Key;

    /// <summary>The status new tasks get (the first column).</summary>
    public string FirstStatus => Columns[0].Key;

    /// <inheritdoc />
    public bool Equals(SpaceInfo? other) =>
        other is not null && Key == other.Key && Name == other.Name && Description == other.Description && Language == other.Language
        && Colour == other.Colour && Visibility == other.Visibility && Archived == other.Archived && TaskPrefix == other.TaskPrefix
        && Columns.SequenceEqual(other.Columns) && SettingsProblem == other.SettingsProblem;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Name, TaskPrefix);
}
