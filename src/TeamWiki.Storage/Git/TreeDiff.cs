using System.Text;
using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>One file that differs between two trees (renames are not looked for: a move is a delete and an add).</summary>
internal sealed record TreeChange(ChangeKind Status, string Path, string OldPath, ObjectId Oid, ObjectId OldOid);

/// <summary>
/// The files that differ between two trees, found by reading only the folders whose tree ids differ and
/// comparing their entries as bytes, both lists being in git's order. libgit2's tree-to-tree diff read
/// every entry of both trees: 150–230 ms a commit in a wiki of 100,000 pages in folders of 100, and every
/// consumer of the change feed pays it for every commit. Here the cost is the changed folders' bytes,
/// whatever the size of the wiki (a folder of 10,000 pages is one pass over two 0.5-MB trees). Files
/// are every entry that is neither a folder nor a submodule link; the result is in path order. Folders
/// deeper than <see cref="MaxDepth"/> are not read (no item lives there; a pushed tree thousands of
/// folders deep must not exhaust the stack).
/// </summary>
internal static class TreeDiff
{
    /// <summary>Mode of a submodule link (<c>160000</c>): not a file of the wiki.</summary>
    private static readonly byte[] GitLinkMode = "160000"u8.ToArray();

    /// <summary>The deepest folder read (a page's path has at most a handful of folders).</summary>
    internal const int MaxDepth = 64;

    public static List<TreeChange> Files(Func<ObjectId, RawTree> read, ObjectId? from, ObjectId to)
    {
        var result = new List<TreeChange>();
        Compare(read, from, to, "", 0, result);
        result.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return result;
    }

    private static void Compare(Func<ObjectId, RawTree> read, ObjectId? from, ObjectId? to, string prefix, int depth, List<TreeChange> result)
    {
        if ((from is not null && to is not null && from == to) || depth > MaxDepth)
        {
            return;
        }

        var before = from is null ? RawTree.Empty : read(from);
        var after = to is null ? RawTree.Empty : read(to);
        int i = 0, j = 0;
        while (i < before.Count || j < after.Count)
        {
            var order = i >= before.Count ? 1
                : j >= after.Count ? -1
                : TreeFormat.Compare(before.NameAt(i), before.IsFolder(i), after.NameAt(j), after.IsFolder(j));
            if (order == 0)
            {
                if (!Bytes(before, i).SequenceEqual(Bytes(after, j)))
                {
                    var path = prefix + Name(after, j);
                    if (after.IsFolder(j))
                    {
                        Compare(read, before.IdAt(i), after.IdAt(j), path + "/", depth + 1, result);
                    }
                    else if (IsFile(before, i) && IsFile(after, j))
                    {
                        result.Add(new TreeChange(ChangeKind.Modified, path, path, after.IdAt(j), before.IdAt(i)));
                    }
                    else if (IsFile(after, j))
                    {
                        result.Add(new TreeChange(ChangeKind.Added, path, path, after.IdAt(j), ObjectId.Zero));
                    }
                    else if (IsFile(before, i))
                    {
                        result.Add(new TreeChange(ChangeKind.Deleted, path, path, ObjectId.Zero, before.IdAt(i)));
                    }
                }

                i++;
                j++;
            }
            else if (order < 0)
            {
                OneSide(read, before, i++, added: false, prefix, depth, result);
            }
            else
            {
                OneSide(read, after, j++, added: true, prefix, depth, result);
            }
        }
    }

    /// <summary>An entry on one side only: a file removed or added, or every file of a folder removed or added.</summary>
    private static void OneSide(Func<ObjectId, RawTree> read, RawTree tree, int index, bool added, string prefix, int depth, List<TreeChange> result)
    {
        var path = prefix + Name(tree, index);
        if (tree.IsFolder(index))
        {
            var id = tree.IdAt(index);
            Compare(read, added ? null : id, added ? id : null, path + "/", depth + 1, result);
        }
        else if (IsFile(tree, index))
        {
            var id = tree.IdAt(index);
            result.Add(added
                ? new TreeChange(ChangeKind.Added, path, path, id, ObjectId.Zero)
                : new TreeChange(ChangeKind.Deleted, path, path, ObjectId.Zero, id));
        }
    }

    /// <summary>Entry <paramref name="index"/>'s mode, name and id.</summary>
    private static ReadOnlySpan<byte> Bytes(RawTree tree, int index)
    {
        var (start, _, nul, _) = tree.EntryAt(index);
        return tree.Content.Slice(start, nul + 1 + RawTree.IdLength - start);
    }

    private static bool IsFile(RawTree tree, int index) => !tree.IsFolder(index) && !tree.ModeAt(index).SequenceEqual(GitLinkMode);

    private static string Name(RawTree tree, int index) => Encoding.UTF8.GetString(tree.NameAt(index));
}
