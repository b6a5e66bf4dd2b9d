namespace TeamWiki.Storage.Tasks;

/// <summary>The task does not exist.</summary>
public sealed class TaskNotFoundException(string key) : Exception($"Task '{key}' does not exist")
{
    /// <summary>The key.</summary>
    public string Key { get; } = key;
}

/// <summary>Task fields that cannot be saved (empty title, unknown status, …).</summary>
public sealed class InvalidTaskException(string reason) : Exception(reason)
{
    /// <summary>Why, in English.</summary>
    public string Reason { get; } = reason;
}

/// <summary>An edit from an older version overlaps a change made since; nothing was saved.</summary>
public sealed class TaskConflictException(string key, string yours, string? theirs, string theirsRevision)
    : Exception($"Task '{key}' was changed by someone else")
{
    /// <summary>The task.</summary>
    public string Key { get; } = key;

    /// <summary>The file text the author tried to save.</summary>
    public string Yours { get; } = yours;

    /// <summary>The file text saved meanwhile (null: deleted).</summary>
    public string? Theirs { get; } = theirs;

    /// <summary>A revision holding exactly <see cref="Theirs"/>.</summary>
    public string TheirsRevision { get; } = theirsRevision;
}
