using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// The commits that changed one file, newest first, following renames: git's default history
/// simplification. From a commit, go to a parent that holds the same blob (nothing changed here);
/// otherwise this commit changed the file: report it and continue in the first parent, under the old
/// name when the file was renamed. Each step is a tree lookup, and the walk ends where the file was
/// created, so the cost is proportional to the history walked, never to the whole repository (a
/// topologically sorted revwalk reads every commit before it yields the first).
/// </summary>
internal static class FileHistoryWalker
{
    private static readonly CompareOptions RenameDetection = new() { Similarity = SimilarityOptions.Renames };

    /// <summary>
    /// Walks as <see cref="Walk"/> does, but stops before the first commit that <paramref name="stop"/> accepts
    /// (one the history index holds already) and says where: the index answers the rest from there. Each change
    /// found carries the file's path, the path it was moved from and whether the file was created there; the
    /// commits are read into <paramref name="info"/> while the repository is still leased.
    /// </summary>
    public static FileSteps WalkUntil(Repository repo, Commit start, string path, int max, Func<string, bool> stop, Func<Commit, string, GitCommitInfo> info)
    {
        var found = new List<FileStep>();
        var commit = start;
        var current = path;
        while (found.Count < max)
        {
            if (stop(commit.Sha))
            {
                return new FileSteps(found, commit.Sha, current);
            }

            var blob = commit[current]?.Target.Id;
            if (blob is null)
            {
                break;
            }

            var parents = commit.Parents.ToList();
            var same = parents.FirstOrDefault(p => p[current]?.Target.Id == blob);
            if (same is not null)
            {
                commit = same;
                continue;
            }

            var first = parents.FirstOrDefault();
            string? movedFrom = null;
            if (first is not null && first[current] is null)
            {
                using var changes = repo.Diff.Compare<TreeChanges>(first.Tree, commit.Tree, RenameDetection);
                movedFrom = changes.Renamed.FirstOrDefault(c => c.Path == current)?.OldPath;
            }

            var created = first is null || (movedFrom is null && first[current] is null);
            found.Add(new FileStep(info(commit, current), current, movedFrom, created, blob.Sha));
            if (created)
            {
                break;
            }

            current = movedFrom ?? current;
            commit = first!;
        }

        return new FileSteps(found, null, current);
    }

    public static IEnumerable<(Commit Commit, string Path)> Walk(Repository repo, Commit start, string path)
    {
        var commit = start;
        var current = path;
        while (commit is not null)
        {
            var blob = commit[current]?.Target.Id;
            if (blob is null)
            {
                yield break;
            }

            var parents = commit.Parents.ToList();
            var same = parents.FirstOrDefault(p => p[current]?.Target.Id == blob);
            if (same is not null)
            {
                commit = same;
                continue;
            }

            yield return (commit, current);
            var first = parents.FirstOrDefault();
            if (first is null)
            {
                yield break;
            }

            if (first[current] is null)
            {
                // The file appeared here: renamed from somewhere, or created.
                using var changes = repo.Diff.Compare<TreeChanges>(first.Tree, commit.Tree, RenameDetection);
                var renamed = changes.Renamed.FirstOrDefault(c => c.Path == current);
                if (renamed is null)
                {
                    yield break;
                }

                current = renamed.OldPath;
            }

            commit = first;
        }
    }
}
