using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>What a conditional branch update did.</summary>
internal enum BranchMove
{
    /// <summary>The branch now points at the new commit.</summary>
    Moved,

    /// <summary>The branch no longer held the expected commit: someone else moved it. Nothing was written.</summary>
    Stale,

    /// <summary>Another writer held the branch's lock file at that moment. Nothing was written.</summary>
    Locked,
}

/// <summary>
/// Moves a branch only if it still points at the commit the caller built on: a real compare-and-swap.
/// LibGit2Sharp's <c>Refs.UpdateTarget</c> looks the reference up again by name just before writing, so
/// it never notices that a <c>git push</c> or a second wiki process moved the branch in between and
/// silently orphans their commit. libgit2's <c>git_reference_create_matching</c> takes
/// <c>refs/heads/main.lock</c> exclusively (git's own lock-file protocol, honoured by the git CLI and
/// every libgit2 user), compares the current value — loose or packed — with the expected one under that
/// lock, and only then writes and renames, appending to the reflog as any ref update does. It is the
/// same check <c>git update-ref refs/heads/main NEW OLD</c> makes.
/// </summary>
internal sealed class BranchMover : IDisposable
{
    private IntPtr _repository;

    public BranchMover(string gitDirectory)
    {
        // libgit2 counts initialisations; LibGit2Sharp has made its own, this one keeps ours independent of it.
        NativeGit.Init();
        var code = NativeGit.RepositoryOpen(out _repository, gitDirectory);
        if (code < 0)
        {
            throw new LibGit2SharpException($"Cannot open '{gitDirectory}': {NativeGit.LastError(code)}");
        }
    }

    /// <summary>Points <paramref name="reference"/> at <paramref name="target"/> if it still points at <paramref name="expected"/>.</summary>
    public BranchMove TryMove(string reference, ObjectId target, ObjectId expected, string logMessage)
    {
        ObjectDisposedException.ThrowIf(_repository == IntPtr.Zero, this);
        var code = NativeGit.ReferenceCreateMatching(out var moved, _repository, reference, target.RawId, 1, expected.RawId, FirstLine(logMessage));
        switch (code)
        {
            case 0:
                NativeGit.ReferenceFree(moved);
                return BranchMove.Moved;
            case NativeGit.Modified or NativeGit.NotFound:
                return BranchMove.Stale;
            case NativeGit.Locked:
                return BranchMove.Locked;
            default:
                throw new LibGit2SharpException($"Moving {reference} failed: {NativeGit.LastError(code)}");
        }
    }

    /// <summary>A reflog line holds one line; git uses the subject of the commit message.</summary>
    private static string FirstLine(string message) => "commit: " + message.Split('\n', 2)[0].Trim();

    public void Dispose()
    {
        if (_repository != IntPtr.Zero)
        {
            NativeGit.RepositoryFree(_repository);
            _repository = IntPtr.Zero;
        }
    }
}
