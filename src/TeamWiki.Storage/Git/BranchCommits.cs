using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// The commits on the branch (reachable from its tip), the only ones a caller may name. The object
/// store holds more: commits pushed to other branches, history rewritten away, objects of failed
/// writes. Resolving a caller's revision against the object store would let it read through such a
/// commit (a page in a space it cannot read, a file it was never shown) and would tell it whether an
/// object with a given prefix exists. Resolving against this set answers an unknown, an off-branch and an
/// ambiguous id alike. The set is built by walking the history once, when an id other than the tip is
/// first named, and grows with the tip; history is never rewritten here (pushes are fast-forward only),
/// and when it was rewritten from outside the set is built again. (Checking a full id against the commit
/// graph instead, with a merge base, cost a walk back to it every time: the search index catching up
/// with 10,000 pushed commits looked up each change's file at its batch's commit, thousands of commits
/// behind the tip, and spent minutes on those walks.)
/// </summary>
internal sealed class BranchCommits
{
    /// <summary>Hex digits of a full commit id.</summary>
    private const int FullLength = 40;

    private readonly Lock _lock = new();
    private readonly HashSet<ObjectId> _ids = [];
    private string? _tip;

    /// <summary>
    /// The full id of the commit on the branch (as of <paramref name="tip"/>) that <paramref name="revision"/>
    /// names — 4 to 40 hex digits, matching exactly one such commit — or null.
    /// </summary>
    public string? Resolve(Repository repo, string? tip, string revision)
    {
        if (tip is null || !LooksLikeRevision(revision))
        {
            return null;
        }

        var wanted = revision.ToLowerInvariant();
        if (wanted == tip)
        {
            // The tip itself (every read of the current content names it): nothing to look up.
            return wanted;
        }

        lock (_lock)
        {
            if (wanted.Length == FullLength)
            {
                return IsOnBranch(repo, tip, new ObjectId(wanted)) ? wanted : null;
            }

            CatchUp(repo, tip);

            string? found = null;
            foreach (var id in _ids)
            {
                if (id.StartsWith(wanted))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = id.Sha;
                }
            }

            return found;
        }
    }

    /// <summary>
    /// Records <paramref name="commit"/>, made by this process on <paramref name="parent"/>, when the set
    /// is at that parent: the next lookup then need not walk from the old tip to the new one.
    /// </summary>
    public void Extend(string parent, string commit)
    {
        lock (_lock)
        {
            if (_tip == parent)
            {
                _ids.Add(new ObjectId(commit));
                _tip = commit;
            }
        }
    }

    /// <summary>Whether a full id names a commit on the branch as of <paramref name="tip"/> (the set is built on first use).</summary>
    private bool IsOnBranch(Repository repo, string tip, ObjectId id)
    {
        CatchUp(repo, tip);
        return _ids.Contains(id);
    }

    /// <summary>A full or abbreviated object id: 4 to 40 hex digits.</summary>
    public static bool LooksLikeRevision(string revision) =>
        revision.Length is >= 4 and <= FullLength && revision.All(char.IsAsciiHexDigit);

    private void CatchUp(Repository repo, string tip)
    {
        var tipId = new ObjectId(tip);
        if (tip == _tip)
        {
            return;
        }

        if (_ids.Contains(tipId))
        {
            // The branch went back to an older commit (moved from outside), or a reader raced with a
            // commit: the newer commits are not on the branch as of this tip. Build the set again from it.
            _ids.Clear();
            _tip = null;
        }

        var tipCommit = repo.Lookup<Commit>(tipId) ?? throw new RevisionNotFoundException(tip);
        var known = _tip is null ? null : repo.Lookup<Commit>(_tip);
        if (_tip is not null && (known is null || repo.ObjectDatabase.FindMergeBase(known, tipCommit)?.Id != known.Id))
        {
            // The old tip is no longer in the history: it was rewritten outside the wiki. Start over.
            _ids.Clear();
            known = null;
        }

        var filter = new CommitFilter { IncludeReachableFrom = tipCommit, ExcludeReachableFrom = known, SortBy = CommitSortStrategies.None };
        foreach (var commit in repo.Commits.QueryBy(filter))
        {
            _ids.Add(commit.Id);
        }

        _tip = tip;
    }
}
