using TeamWiki.Storage.Problems;

namespace TeamWiki.Storage.Tasks;

/// <summary>The task does not exist.</summary>
public sealed class TaskNotFoundException(string key) : WikiException(ProblemKind.NotFound, "Task not found", $"Task '{key}' does not exist")
{
    /// <summary>The key.</summary>
    public string Key { get; } = key;
}

/// <summary>Task fields that cannot be saved (empty title, unknown status, …).</summary>
public sealed class InvalidTaskException(string reason) : WikiException(ProblemKind.Invalid, "Invalid task", reason)
{
    /// <summary>Why, in English.</summary>
    public string Reason { get; } = reason;
}

/// <summary>An edit from an older version overlaps a change made since; nothing was saved.</summary>
public sealed class TaskConflictException(string key, string yours, string? theirs, string theirsRevision)
    : WikiException(ProblemKind.Conflict, "Edit conflict", $"Task '{key}' was changed by someone else")
{
    /// <summary>The task.</summary>
    public string Key { get; } = key;

    /// <summary>The file text the author tried to save.</summary>
    public string Yours { get; } = yours;

    /// <summary>The file text saved meanwhile (null: deleted).</summary>
    public string? Theirs { get; } = theirs;

    /// <summary>A revision holding exactly <see cref="Theirs"/>.</summary>
    public string TheirsRevision { get; } = theirsRevision;

    /// <inheritdoc />
    public override string Detail => "The task was changed by someone else since your base revision and the changes overlap. Nothing was saved.";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?> Extensions =>
        new Dictionary<string, object?> { ["key"] = Key, ["yours"] = Yours, ["theirs"] = Theirs, ["theirsRevision"] = TheirsRevision };
}
