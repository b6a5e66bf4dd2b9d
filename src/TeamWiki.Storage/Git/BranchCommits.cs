using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// The commits on the branch (reachable from its tip), the only ones a caller may name. The object
/// store holds more: commits pushed to other branches, history rewritten away, objects of failed
/// writes. Resolving a caller's revision against the object store would let it read through such a
/// commit (a page in a space it cannot read, a file it was never shown) and would tell it whether an
/// object with a given prefix exists. Resolving against this set answers an unknown, an off-branch and an
/// ambiguous id alike. The set is built once by walking the history and grows with the tip; history
/// is never rewritten here (pushes are fast-forward only), and when it was rewritten from outside the
/// set is built again.
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
        lock (_lock)
        {
            CatchUp(repo, tip);
            if (wanted.Length == FullLength)
            {
                return _ids.Contains(new ObjectId(wanted)) ? wanted : null;
            }

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

    /// <summary>A full or abbreviated object id: 4 to 40 hex digits.</summary>
    public static bool LooksLikeRevision(string revision) =>
        revision.Length is >= 4 and <= FullLength && revision.All(char.IsAsciiHexDigit);

    private void CatchUp(Repository repo, string tip)
    {
        var tipId = new ObjectId(tip);
        if (tip == _tip || _ids.Contains(tipId))
        {
            // A reader holding an older snapshot: the set already covers its tip.
            return;
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
