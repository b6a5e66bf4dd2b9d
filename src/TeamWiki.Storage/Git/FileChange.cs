namespace TeamWiki.Storage.Git;

/// <summary>One change to the tree in a commit.</summary>
public abstract record FileChange
{
    /// <summary>The paths this change reads or writes; used to see whether someone else touched them.</summary>
    public abstract IEnumerable<string> Paths { get; }
}

/// <summary>Write <paramref name="Content"/> at <paramref name="Path"/> (create or replace).</summary>
public sealed record PutFile(string Path, byte[] Content) : FileChange
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => [Path];
}

/// <summary>Remove the file at <paramref name="Path"/>.</summary>
public sealed record RemoveFile(string Path) : FileChange
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => [Path];
}

/// <summary>Move the file at <paramref name="From"/> to <paramref name="To"/> unchanged.</summary>
public sealed record MoveFile(string From, string To) : FileChange
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => [From, To];
}
