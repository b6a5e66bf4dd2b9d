using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Merges a request's changes, made on an older base, into the tip — one path at a time. Only the
/// paths the request names are looked at, merged or reported in a conflict; every other file is the
/// tip's, untouched. For each path, as git decides per file: if only one side changed it, that side
/// wins; if both did, git's three-way content merge (<see cref="FileMerge"/>) decides, and overlapping
/// changes, a change against a removal, or binary content are a conflict.
/// </summary>
internal static class PathMerge
{
    /// <summary>
    /// The merged tree, written to the object store; <paramref name="blobOf"/> gives the blob of a file
    /// the request writes (written before the lock was taken).
    /// </summary>
    /// <exception cref="MergeConflictException">A path both sides changed in ways that do not merge.</exception>
    public static Tree Merge(Repository repo, TreeWriter trees, Commit baseCommit, Commit head, IReadOnlyList<FileChange> changes, Func<PutFile, ObjectId> blobOf)
    {
        var paths = changes.SelectMany(c => c.Paths).Distinct(StringComparer.Ordinal).ToList();
        var ours = Ours(baseCommit, paths, changes, blobOf);
        var result = new Dictionary<string, ObjectId?>(StringComparer.Ordinal);
        var conflicts = new List<ConflictedFile>();
        foreach (var path in paths)
        {
            var ancestor = BlobAt(baseCommit, path);
            var mine = ours[path];
            var theirs = BlobAt(head, path);
            // A folder where the request expects a file cannot be merged with it.
            var theirsIsFile = head[path] is null or { TargetType: TreeEntryTargetType.Blob };
            if (mine == ancestor || (mine == theirs && theirsIsFile))
            {
                // Only they changed it, or both made the same change: the tip has it already.
                continue;
            }

            if (theirs == ancestor && theirsIsFile)
            {
                result[path] = mine;
            }
            else if (mine is not null && theirs is not null && ancestor != theirs
                && FileMerge.Merge(Read(repo, ancestor), Read(repo, mine)!, Read(repo, theirs)!) is { } merged)
            {
                result[path] = WriteBlob(repo, merged).Id;
            }
            else
            {
                conflicts.Add(new ConflictedFile(path, Read(repo, ancestor), Read(repo, mine), Read(repo, theirs)));
            }
        }

        if (conflicts.Count > 0)
        {
            throw new MergeConflictException(baseCommit.Sha, head.Sha, conflicts);
        }

        var edits = result.ToDictionary(r => r.Key, r => r.Value is { } blob ? new TreeWriter.Entry(Mode.NonExecutableFile, blob) : (TreeWriter.Entry?)null, StringComparer.Ordinal);
        return repo.Lookup<Tree>(trees.Write(head.Tree.Id, edits));
    }

    /// <summary>Writes bytes as a blob.</summary>
    public static Blob WriteBlob(Repository repo, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return repo.ObjectDatabase.CreateBlob(stream);
    }

    /// <summary>What the request makes of each of its paths when applied to the base (null: absent).</summary>
    private static Dictionary<string, ObjectId?> Ours(Commit baseCommit, List<string> paths, IReadOnlyList<FileChange> changes, Func<PutFile, ObjectId> blobOf)
    {
        var state = paths.ToDictionary(p => p, p => BlobAt(baseCommit, p), StringComparer.Ordinal);
        foreach (var change in changes)
        {
            switch (change)
            {
                case PutFile put:
                    state[put.Path] = blobOf(put);
                    break;
                case RemoveFile remove:
                    state[remove.Path] = null;
                    break;
                case MoveFile move:
                    state[move.To] = state[move.From] ?? throw new FileNotFoundException($"'{move.From}' does not exist", move.From);
                    state[move.From] = null;
                    break;
            }
        }

        return state;
    }

    private static ObjectId? BlobAt(Commit commit, string path) =>
        commit[path] is { TargetType: TreeEntryTargetType.Blob } entry ? entry.Target.Id : null;

    private static byte[]? Read(Repository repo, ObjectId? blob) =>
        blob is null || repo.Lookup<Blob>(blob) is not { } found ? null : GitContentRepository.ReadAll(found);
}
