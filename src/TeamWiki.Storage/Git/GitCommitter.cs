using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Writes commits. One instance, one <see cref="Repository"/>, called under the repository's write lock.
/// It builds the new tree from the tip in memory (no working tree that can drift), merges the files the
/// request touches when they changed since the author's base, and moves the branch only if it still
/// points at the tip the tree was built on (<see cref="BranchMover"/>). That compare-and-swap is where
/// writers outside this process — a <c>git push</c>, a second wiki process — are caught: the commit is
/// then built again on the new tip, merged with what they wrote, so neither side's commit is orphaned.
/// </summary>
internal sealed class GitCommitter(string gitDirectory, BranchCommits branchCommits) : IDisposable
{
    /// <summary>How long a commit keeps trying while other writers move or lock the branch.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Repository _repo = new(gitDirectory);
    private readonly BranchMover _mover = new(gitDirectory);
    private readonly TreeReader _trees = new(gitDirectory);
    private TreeWriter? _writer;
    private IReadOnlyDictionary<PutFile, ObjectId>? _written;
    private Dictionary<string, FileIds>? _files;
    private long _retries;

    /// <summary>How many times a commit had to be built again because another writer moved or locked the branch.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Raised (under the write lock) each time a commit is redone; the argument says why.</summary>
    public event Action<BranchMove>? Retrying;

    /// <summary>
    /// Commits <paramref name="request"/> on the tip. <paramref name="written"/> holds the blobs of its
    /// files already written (outside the write lock: an object is named by its content, so writing it
    /// early changes nothing another writer sees); a file missing from it is written here.
    /// </summary>
    /// <returns>
    /// Also, when the commit only put, removed or moved plain files on the tip without a merge, the blob
    /// each of its paths held before and after (null: nothing); else null.
    /// </returns>
    public (CommitOutcome Outcome, string? Parent, IReadOnlyDictionary<string, FileIds>? Files) Commit(CommitRequest request, IReadOnlyDictionary<PutFile, ObjectId>? written = null)
    {
        _written = written;
        try
        {
            var (outcome, parent) = CommitOnTip(request);
            return (outcome, parent, _files);
        }
        finally
        {
            _written = null;
        }
    }

    private (CommitOutcome Outcome, string? Parent) CommitOnTip(CommitRequest request)
    {
        var giveUp = DateTime.UtcNow + Patience;
        for (var attempt = 1; ; attempt++)
        {
            _files = null;
            var branch = _repo.Refs[GitContentRepository.BranchRef];
            var head = branch is null ? null : _repo.Lookup<Commit>(branch.TargetIdentifier);
            var (tree, merged) = BuildTree(request, head);

            if (head is not null && tree.Id == head.Tree.Id)
            {
                return (new CommitOutcome(head.Sha, merged, Unchanged: true), head.Sha);
            }

            var signature = new Signature(request.Author.Name, request.Author.Email, DateTimeOffset.Now);
            var parents = head is null ? Array.Empty<Commit>() : [head];
            var commit = _repo.ObjectDatabase.CreateCommit(signature, signature, request.Message, tree, parents, prettifyMessage: true);

            var move = TryMoveBranch(head, commit, request.Message);
            for (var wait = 1; move == BranchMove.Locked; wait++)
            {
                // Another writer is moving the branch right now: wait for it to finish, then try the same
                // commit again; only if that writer did move the branch is the commit built anew.
                Retried(move, wait, giveUp);
                move = TryMoveBranch(head, commit, request.Message);
            }

            if (move == BranchMove.Moved)
            {
                return (new CommitOutcome(commit.Sha, merged, Unchanged: false), head?.Sha);
            }

            Retried(move, attempt, giveUp);
        }
    }

    /// <summary>Counts a failed compare-and-swap and backs off a little, at random, so that two writers do not keep colliding.</summary>
    private void Retried(BranchMove move, int attempt, DateTime giveUp)
    {
        Interlocked.Increment(ref _retries);
        Retrying?.Invoke(move);
        if (DateTime.UtcNow > giveUp)
        {
            throw new BranchBusyException(attempt);
        }

        Thread.Sleep(Random.Shared.Next(0, Math.Min(1 << Math.Min(attempt, 6), 50)));
    }

    private (Tree Tree, bool Merged) BuildTree(CommitRequest request, Commit? head)
    {
        if (head is null)
        {
            if (request.BaseRevision is not null)
            {
                throw new RevisionNotFoundException(request.BaseRevision);
            }

            return (Apply(null, request.Changes), false);
        }

        var baseCommit = request.BaseRevision is null ? head : FindOnBranch(request.BaseRevision, head);
        if (baseCommit.Id == head.Id || !TouchedSince(baseCommit, head, request.Changes))
        {
            return (Apply(head.Tree, request.Changes), false);
        }

        return (PathMerge.Merge(_repo, Writer, baseCommit, head, request.Changes, BlobOf), true);
    }

    /// <summary>The base must be on the branch (as the tip is now), whatever else the object store holds.</summary>
    private Commit FindOnBranch(string revision, Commit head) =>
        branchCommits.Resolve(_repo, head.Sha, revision) is { } id
            ? _repo.Lookup<Commit>(id)
            : throw new RevisionNotFoundException(revision);

    private static bool TouchedSince(Commit baseCommit, Commit head, IEnumerable<FileChange> changes) =>
        changes.SelectMany(c => c.Paths).Any(p => baseCommit[p]?.Target.Id != head[p]?.Target.Id);

    private TreeWriter Writer => _writer ??= new TreeWriter(new LooseObjectWriter(gitDirectory), _trees);

    /// <summary>
    /// The request's changes applied in order to the parent's tree: each path ends up with one entry or
    /// none, and only the trees along those paths are written again (<see cref="TreeWriter"/>).
    /// </summary>
    private Tree Apply(Tree? parent, IEnumerable<FileChange> changes)
    {
        var edits = new Dictionary<string, TreeWriter.Entry?>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            switch (change)
            {
                case PutFile put:
                    edits[put.Path] = new TreeWriter.Entry(Mode.NonExecutableFile, BlobOf(put));
                    break;
                case RemoveFile remove:
                    edits[remove.Path] = null;
                    break;
                case MoveFile move:
                    var entry = (edits.TryGetValue(move.From, out var edited) ? edited : EntryAt(parent, move.From))
                        ?? throw new FileNotFoundException($"'{move.From}' does not exist", move.From);
                    edits[move.From] = null;
                    edits[move.To] = entry;
                    break;
            }
        }

        _files = FilesOf(parent, edits);
        return _repo.Lookup<Tree>(Writer.Write(parent?.Id, edits));
    }

    /// <summary>What each edited path held before and holds after, when all are plain files or nothing (see <see cref="OwnCommitPaths"/>).</summary>
    private Dictionary<string, FileIds>? FilesOf(Tree? parent, Dictionary<string, TreeWriter.Entry?> edits)
    {
        var files = new Dictionary<string, FileIds>(StringComparer.Ordinal);
        foreach (var (path, entry) in edits)
        {
            // Plain files only (mode 100644 before and after), so that equal blobs mean an unchanged entry.
            if (entry is { Mode: not Mode.NonExecutableFile } || !Writer.TryFileAt(parent?.Id, path, out var before))
            {
                return null;
            }

            files[path] = new FileIds(before, entry?.Id);
        }

        return files;
    }

    private ObjectId BlobOf(PutFile put) =>
        _written is not null && _written.TryGetValue(put, out var id) ? id : PathMerge.WriteBlob(_repo, put.Content).Id;

    private static TreeWriter.Entry? EntryAt(Tree? tree, string path) =>
        tree?[path] is { } entry ? new TreeWriter.Entry(entry.Mode, entry.Target.Id) : null;

    private BranchMove TryMoveBranch(Commit? expected, Commit commit, string message)
    {
        if (expected is not null)
        {
            return _mover.TryMove(GitContentRepository.BranchRef, commit.Id, expected.Id, message);
        }

        try
        {
            // The first commit: creating the branch fails if someone else created it meanwhile.
            _repo.Refs.Add(GitContentRepository.BranchRef, commit.Id, "commit (initial): " + message.Split('\n', 2)[0].Trim(), allowOverwrite: false);
            return BranchMove.Moved;
        }
        catch (NameConflictException)
        {
            return BranchMove.Stale;
        }
        catch (LockedFileException)
        {
            return BranchMove.Locked;
        }
    }

    public void Dispose()
    {
        _mover.Dispose();
        _trees.Dispose();
        _repo.Dispose();
    }
}
