using TeamWiki.Storage.Problems;

namespace TeamWiki.Storage.Spaces;

/// <summary>A space with this key (or a folder with this name) exists already.</summary>
public sealed class SpaceExistsException(string key) : WikiException(ProblemKind.Conflict, "Space exists", $"Space '{key}' already exists")
{
    /// <summary>The key.</summary>
    public string Key { get; } = key;
}

/// <summary>The space does not exist.</summary>
public sealed class SpaceNotFoundException(string key) : WikiException(ProblemKind.NotFound, "Space not found", $"Space '{key}' does not exist")
{
    /// <summary>The key.</summary>
    public string Key { get; } = key;

    /// <summary>Names nothing: a space that does not exist answers like one the caller may not see.</summary>
    public override string Detail => "Space not found";
}

/// <summary>Space settings that cannot be used (a bad key, a prefix taken by another space, …).</summary>
public sealed class InvalidSpaceException(string reason) : WikiException(ProblemKind.Invalid, "Invalid space", reason)
{
    /// <summary>Why, in English.</summary>
    public string Reason { get; } = reason;
}

/// <summary>The change would leave a space without an owner (demoting or removing its last one).</summary>
public sealed class LastOwnerException(string key, string userId) : WikiException(ProblemKind.Conflict, "Last owner", $"Space '{key}' keeps at least one owner")
{
    /// <summary>The space key.</summary>
    public string Key { get; } = key;

    /// <summary>The owner who would have been the last.</summary>
    public string UserId { get; } = userId;

    /// <inheritdoc />
    public override string Detail => "A space keeps at least one owner";
}
