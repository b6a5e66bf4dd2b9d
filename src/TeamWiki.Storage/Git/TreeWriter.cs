using System.IO.Compression;
using System.Text;
using LibGit2Sharp;

namespace TeamWiki.Storage.Git;

/// <summary>
/// Writes the trees of a commit along the changed paths only. For each folder on a changed path it takes
/// the parent commit's tree object, replaces, inserts or removes the changed entries, and writes the new
/// tree object; every other entry is copied byte for byte, and every folder off the changed paths is
/// not even read. The result is the tree LibGit2Sharp's <c>TreeDefinition</c> would write (the tests
/// compare the two), without its managed object per entry of every folder on the path: in a folder of
/// 10,000 pages that was what a save cost. A folder whose last entry goes disappears, as in git.
/// </summary>
internal sealed class TreeWriter(LooseObjectWriter objects, TreeReader reader)
{
    private static readonly byte[] FolderMode = TreeFormat.ModeBytes(Mode.Directory);
    private static readonly byte[] PlainFileMode = TreeFormat.ModeBytes(Mode.NonExecutableFile);

    /// <summary>
    /// From this size a tree is written without compression (<see cref="LooseObjectWriter.Stored"/>): the
    /// folder of a big space, written on every save. Smaller trees are deflated at git's default level.
    /// Both are written by hand rather than through libgit2, whose write first looks for the object in
    /// every pack (re-reading the pack folder when it is not found), then writes and links a temporary file.
    /// </summary>
    internal const int BigTree = 32 * 1024;

    /// <summary>What a path holds after the change: a file (or folder) with its mode, or nothing (null).</summary>
    public readonly record struct Entry(Mode Mode, ObjectId Id);

    /// <summary>
    /// The id of the tree that is <paramref name="root"/> (null: empty) with each path of
    /// <paramref name="edits"/> set to its entry or removed (null). Removing what is not there changes
    /// nothing. A file on the way to a path is replaced by a folder, as <c>TreeDefinition.Add</c> does.
    /// </summary>
    /// <exception cref="ArgumentException">A path is empty, has an empty segment, or lies inside another changed path.</exception>
    public ObjectId Write(ObjectId? root, IReadOnlyDictionary<string, Entry?> edits)
    {
        var changes = new TreeEditNode();
        foreach (var (path, entry) in edits)
        {
            changes.Add(path, entry);
        }

        var (id, changed) = Write(changes, root);
        // The root is written even when it ends up empty: a commit always has a tree.
        var result = !changed && root is not null ? root : id ?? WriteTree(RawTree.Empty);
        reader.CommitDone();
        return result;
    }

    /// <summary>
    /// The file at <paramref name="path"/> in the tree <paramref name="root"/> (null: nothing there), read
    /// from the trees kept for the next commit where it can. False when what is there is neither a plain
    /// file (mode 100644) nor nothing: a folder, an executable, a link, a submodule, or a file on the way
    /// (a file "a" where "a/b" is asked).
    /// </summary>
    public bool TryFileAt(ObjectId? root, string path, out ObjectId? blob)
    {
        blob = null;
        if (root is null)
        {
            return true;
        }

        var tree = reader.Read(root);
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var at = tree.Find(Encoding.UTF8.GetBytes(segments[i]));
            if (at < 0)
            {
                return true;
            }

            var last = i == segments.Length - 1;
            if (tree.IsFolder(at))
            {
                if (last)
                {
                    return false;
                }

                tree = reader.Read(tree.IdAt(at));
                continue;
            }

            if (!last || !tree.ModeAt(at).SequenceEqual(PlainFileMode))
            {
                return false;
            }

            blob = tree.IdAt(at);
        }

        return true;
    }

    private (ObjectId? Id, bool Changed) Write(TreeEditNode changes, ObjectId? baseId)
    {
        var tree = baseId is null ? RawTree.Empty : reader.Read(baseId);
        var removed = new List<int>();
        var added = new List<(byte[] Name, byte[] Mode, ObjectId Id, bool Folder)>();
        foreach (var (name, change) in changes.Children)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var at = tree.Find(nameBytes);
            if (change.IsEntry)
            {
                if (change.Entry is { } entry)
                {
                    var mode = TreeFormat.ModeBytes(entry.Mode);
                    if (at < 0 || !tree.Holds(at, mode, entry.Id))
                    {
                        added.Add((nameBytes, mode, entry.Id, entry.Mode == Mode.Directory));
                        Remove(at);
                    }
                }
                else
                {
                    Remove(at);
                }

                continue;
            }

            var folder = at >= 0 && tree.IsFolder(at);
            var (sub, subChanged) = Write(change, folder ? tree.IdAt(at) : null);
            if (!subChanged)
            {
                continue;
            }

            if (sub is not null)
            {
                added.Add((nameBytes, FolderMode, sub, true));
                Remove(at);
            }
            else if (folder)
            {
                // Its last entry went: so does the folder. (A file in the way of nothing stays.)
                Remove(at);
            }
        }

        if (removed.Count == 0 && added.Count == 0)
        {
            return (baseId, false);
        }

        removed.Sort();
        added.Sort((a, b) => TreeFormat.Compare(a.Name, a.Folder, b.Name, b.Folder));
        var room = tree.Content.Length;
        foreach (var (name, mode, _, _) in added)
        {
            room += RawTreeBuilder.EntrySize(mode.Length, name.Length);
        }

        var output = new RawTreeBuilder(room, tree.Count + added.Count);
        var next = 0;
        var skip = 0;
        foreach (var (name, mode, id, isFolder) in added)
        {
            CopyUpTo(tree.LowerBound(name, isFolder));
            output.Add(mode, name, id, isFolder);
        }

        CopyUpTo(tree.Count);
        var written = output.Build();
        return written.Count == 0 ? (null, true) : (WriteTree(written), true);

        void Remove(int index)
        {
            if (index >= 0)
            {
                removed.Add(index);
            }
        }

        // Copies the entries from `next` up to `end` that stay, in runs between the removed ones.
        void CopyUpTo(int end)
        {
            while (next < end)
            {
                while (skip < removed.Count && removed[skip] < next)
                {
                    skip++;
                }

                var stop = skip < removed.Count && removed[skip] < end ? removed[skip] : end;
                output.Copy(tree, next, stop);
                next = stop == end ? end : stop + 1;
            }
        }
    }

    private ObjectId WriteTree(RawTree tree)
    {
        var id = objects.Write("tree", tree.Content, tree.Content.Length >= BigTree ? LooseObjectWriter.Stored : CompressionLevel.Fastest);
        reader.Wrote(id, tree);
        return id;
    }
}
