namespace TeamWiki.Storage.Git;

/// <summary>A commit that changed a file, as <see cref="FileHistoryWalker.WalkUntil"/> found it.</summary>
internal sealed record FileStep(GitCommitInfo Commit, string Path, string? MovedFrom, bool Created, string BlobId);

/// <summary>What a walk found, and the commit it stopped before (null: the history ended, or enough was found) with the file's path there.</summary>
internal sealed record FileSteps(IReadOnlyList<FileStep> Found, string? StoppedAt, string PathThere);
