using TeamWiki.Storage.Problems;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Other writers kept moving or locking the branch for longer than a commit waits. Nothing was
/// written; trying again later is safe. A lock file that never goes away was left by a killed writer and
/// is removed at the next start (see docs/operations.md).
/// </summary>
public sealed class BranchBusyException(int attempts)
    : WikiException(ProblemKind.Busy, "Busy", $"The branch kept moving or stayed locked while committing ({attempts} attempts); nothing was written")
{
    /// <summary>How many times the commit was tried.</summary>
    public int Attempts { get; } = attempts;
}
