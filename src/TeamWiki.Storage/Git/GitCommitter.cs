using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Writes commits. One instance, one <see cref="Repository"/>, called under the repository's write lock.
/// It builds the new tree from the parent in memory (no working tree that can drift), merges with
/// git's three-way merge when the branch moved since the author's base, and moves the branch only if
/// it still points where it pointed when the tree was built: that compare-and-swap is where a
/// concurrent <c>git push</c> is caught, and the commit is then redone on the new tip.
/// </summary>
internal sealed class GitCommitter(string gitDirectory) : IDisposable
{
    private const int MaxAttempts = 8;
    private readonly Repository _repo = new(gitDirectory);

    public (CommitOutcome Outcome, string? PreviousHead) Commit(CommitRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
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

            if (TryMoveBranch(branch, commit, request.Message))
            {
                return (new CommitOutcome(commit.Sha, merged, Unchanged: false), head?.Sha);
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The branch kept moving while committing ({MaxAttempts} attempts)");
            }
        }
    }

    private (Tree Tree, bool Merged) BuildTree(CommitRequest request, Commit? head)
    {
        if (head is null)
        {
            return (Apply(null, request.Changes), false);
        }

        var baseCommit = request.BaseRevision is null ? head : FindCommit(request.BaseRevision);
        if (baseCommit.Id == head.Id || !TouchedSince(baseCommit, head, request.Changes))
        {
            return (Apply(head.Tree, request.Changes), false);
        }

        // Someone changed the same files since the author's base: replay the author's changes on the
        // base, then let git merge that with the tip, exactly as `git merge` would.
        var ours = _repo.ObjectDatabase.CreateCommit(
            new Signature(request.Author.Name, request.Author.Email, DateTimeOffset.Now),
            new Signature(request.Author.Name, request.Author.Email, DateTimeOffset.Now),
            request.Message, Apply(baseCommit.Tree, request.Changes), [baseCommit], prettifyMessage: true);
        var result = _repo.ObjectDatabase.MergeCommits(ours, head, new MergeTreeOptions { FailOnConflict = false, SkipReuc = true });
        if (result.Status == MergeTreeStatus.Conflicts)
        {
            var files = result.Conflicts.Select(c => new ConflictedFile(
                (c.Ours ?? c.Theirs ?? c.Ancestor).Path,
                ReadBlob(c.Ancestor),
                ReadBlob(c.Ours),
                ReadBlob(c.Theirs))).ToList();
            throw new MergeConflictException(baseCommit.Sha, head.Sha, files);
        }

        return (result.Tree, true);
    }

    private Commit FindCommit(string revision) =>
        GitContentRepository.LooksLikeRevision(revision) && _repo.Lookup<Commit>(revision) is { } c
            ? c
            : throw new RevisionNotFoundException(revision);

    private static bool TouchedSince(Commit baseCommit, Commit head, IEnumerable<FileChange> changes) =>
        changes.SelectMany(c => c.Paths).Any(p => baseCommit[p]?.Target.Id != head[p]?.Target.Id);

    private Tree Apply(Tree? parent, IEnumerable<FileChange> changes)
    {
        var td = parent is null ? new TreeDefinition() : TreeDefinition.From(parent);
        foreach (var change in changes)
        {
            switch (change)
            {
                case PutFile put:
                    using (var stream = new MemoryStream(put.Content, writable: false))
                    {
                        td.Add(put.Path, _repo.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
                    }

                    break;
                case RemoveFile remove:
                    td.Remove(remove.Path);
                    break;
                case MoveFile move:
                    var entry = td[move.From] ?? throw new FileNotFoundException($"'{move.From}' does not exist", move.From);
                    td.Remove(move.From);
                    td.Add(move.To, entry);
                    break;
            }
        }

        return _repo.ObjectDatabase.CreateTree(td);
    }

    private bool TryMoveBranch(Reference? branch, Commit commit, string message)
    {
        try
        {
            if (branch is null)
            {
                _repo.Refs.Add(GitContentRepository.BranchRef, commit.Id, message, allowOverwrite: false);
            }
            else
            {
                // Fails unless the branch still points at branch.TargetIdentifier (libgit2 compares and swaps).
                _repo.Refs.UpdateTarget(branch, commit.Id, message);
            }

            return true;
        }
        catch (LibGit2SharpException) when (Moved(branch))
        {
            return false;
        }
    }

    private bool Moved(Reference? before)
    {
        var now = _repo.Refs[GitContentRepository.BranchRef];
        return before is null ? now is not null : now?.TargetIdentifier != before.TargetIdentifier;
    }

    private byte[]? ReadBlob(IndexEntry? entry)
    {
        if (entry is null || _repo.Lookup<Blob>(entry.Id) is not { } blob)
        {
            return null;
        }

        return GitContentRepository.ReadAll(blob);
    }

    public void Dispose() => _repo.Dispose();
}
