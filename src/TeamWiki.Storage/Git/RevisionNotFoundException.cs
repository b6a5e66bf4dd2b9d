using TeamWiki.Storage.Problems;

namespace TeamWiki.Storage.Git;

/// <summary>
/// A revision given by the caller is malformed, ambiguous, or does not name a commit on the branch
/// (whether or not the object store holds such a commit: the answer must not tell).
/// </summary>
public sealed class RevisionNotFoundException(string revision)
    : WikiException(ProblemKind.NotFound, "Revision not found", $"Revision '{(revision.Length > 50 ? revision[..50] + "…" : revision)}' does not exist")
{
    /// <summary>The revision as given.</summary>
    public string Revision { get; } = revision;

    /// <summary>One fixed answer, not echoing the id: unknown, off-branch and ambiguous ids look the same.</summary>
    public override string Detail => "No commit on the wiki's branch has this id";
}
