namespace TeamWiki.Storage.Git;

/// <summary>What a commit did.</summary>
/// <param name="CommitId">The new tip of the branch (or the old tip when nothing changed).</param>
/// <param name="Merged">True when concurrent changes to the same files were merged in.</param>
/// <param name="Unchanged">True when the changes left the tree as it was, so no commit was made.</param>
public sealed record CommitOutcome(string CommitId, bool Merged, bool Unchanged);
