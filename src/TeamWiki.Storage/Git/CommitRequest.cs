namespace TeamWiki.Storage.Git;

/// <summary>A set of changes to commit as one.</summary>
/// <param name="Changes">The changes, applied in order.</param>
/// <param name="Author">Who made them.</param>
/// <param name="Message">Commit message.</param>
/// <param name="BaseRevision">
/// The commit the author's view was based on. When the branch has moved since and touched the same
/// paths, both sides are merged with git's three-way merge; null means "on top of whatever is there".
/// </param>
public sealed record CommitRequest(IReadOnlyList<FileChange> Changes, ContentAuthor Author, string Message, string? BaseRevision = null);
