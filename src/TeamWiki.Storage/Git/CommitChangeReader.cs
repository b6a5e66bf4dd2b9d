using LibGit2Sharp;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Items;

namespace TeamWiki.Storage.Git;

/// <summary>
/// What one commit did to the wiki's items: the tree diff against its first parent (<see cref="TreeDiff"/>:
/// only folders whose tree id changed are read, so the cost follows the change, not the size of the
/// wiki). Renames are looked for, with libgit2's diff, only when the commit both added and removed files
/// (a move); a merge keeps only the changes that differ from every parent.
/// </summary>
internal static class CommitChangeReader
{
    private static readonly CompareOptions WithRenames = new() { Similarity = SimilarityOptions.Renames };

    /// <summary>What <paramref name="commit"/> changed; <paramref name="diff"/> lists the files that differ between two trees.</summary>
    public static CommitChanges Read(Repository repo, Commit commit, Func<ObjectId?, ObjectId, List<TreeChange>> diff)
    {
        var parents = commit.Parents.ToList();
        var first = parents.FirstOrDefault();
        var author = commit.Author;
        var result = new List<ContentChange>();
        foreach (var change in Diff(repo, first?.Tree, commit.Tree, diff))
        {
            if (parents.Count > 1 && SameInAnotherParent(change, parents))
            {
                continue;
            }

            foreach (var (item, kind) in Classify(change))
            {
                var deleted = kind == Changes.ChangeKind.Deleted;
                var added = kind == Changes.ChangeKind.Added;
                result.Add(new ContentChange(
                    item,
                    kind,
                    added ? null : change.OldPath,
                    deleted ? null : change.Path,
                    added ? null : change.OldOid.Sha,
                    deleted ? null : change.Oid.Sha,
                    author.Name,
                    author.Email,
                    author.When,
                    commit.Sha));
            }
        }

        return new CommitChanges(commit.Sha, first?.Sha, author.Name, author.Email, author.When, commit.Message, result);
    }

    private static List<TreeChange> Diff(Repository repo, Tree? from, Tree to, Func<ObjectId?, ObjectId, List<TreeChange>> diff)
    {
        var plain = diff(from?.Id, to.Id);
        if (plain.Any(c => c.Status == LibGit2Sharp.ChangeKind.Added) && plain.Any(c => c.Status == LibGit2Sharp.ChangeKind.Deleted))
        {
            using var renames = repo.Diff.Compare<TreeChanges>(from, to, WithRenames);
            return renames.Where(IsFile).Select(c => new TreeChange(c.Status, c.Path, c.OldPath, c.Oid, c.OldOid)).ToList();
        }

        return plain;
    }

    private static bool IsFile(TreeEntryChanges change) =>
        change.Mode is not (Mode.Directory or Mode.GitLink) && change.OldMode is not (Mode.Directory or Mode.GitLink);

    /// <summary>For a merge: true when another parent already had this result, so the change came from that side.</summary>
    private static bool SameInAnotherParent(TreeChange change, List<Commit> parents)
    {
        var deleted = change.Status == LibGit2Sharp.ChangeKind.Deleted;
        foreach (var other in parents.Skip(1))
        {
            var there = other[change.Path]?.Target.Id;
            if (deleted ? there is null : there == change.Oid)
            {
                if (change.Status != LibGit2Sharp.ChangeKind.Renamed || other[change.OldPath] is null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<(ItemRef Item, Changes.ChangeKind Kind)> Classify(TreeChange change)
    {
        switch (change.Status)
        {
            case LibGit2Sharp.ChangeKind.Added or LibGit2Sharp.ChangeKind.Copied:
                if (ContentPaths.Classify(change.Path) is { } added)
                {
                    yield return (added, Changes.ChangeKind.Added);
                }

                break;
            case LibGit2Sharp.ChangeKind.Deleted:
                if (ContentPaths.Classify(change.OldPath) is { } deleted)
                {
                    yield return (deleted, Changes.ChangeKind.Deleted);
                }

                break;
            case LibGit2Sharp.ChangeKind.Renamed:
                var before = ContentPaths.Classify(change.OldPath);
                var after = ContentPaths.Classify(change.Path);
                if (before is { } b && after is { } a && a.Kind == b.Kind)
                {
                    yield return (a, Changes.ChangeKind.Moved);
                    break;
                }

                if (before is { } gone)
                {
                    yield return (gone, Changes.ChangeKind.Deleted);
                }

                if (after is { } came)
                {
                    yield return (came, Changes.ChangeKind.Added);
                }

                break;
            case LibGit2Sharp.ChangeKind.Modified or LibGit2Sharp.ChangeKind.TypeChanged:
                // Only the mode changed: the item did not (git's history does not list it either).
                if (change.Oid != change.OldOid && ContentPaths.Classify(change.Path) is { } modified)
                {
                    yield return (modified, Changes.ChangeKind.Modified);
                }

                break;
        }
    }
}
