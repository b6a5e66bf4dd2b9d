using System.Collections.Immutable;
using System.Globalization;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// The page trees of all spaces as one persistent structure: every node (page, folder, and a root per
/// space named by the space key) by path, each holding its children as an immutable sorted set. Setting
/// or removing a page copies only the nodes on its path to the root; every other node is shared with the
/// previous tree, so a change costs the depth of the page times the log of its siblings, never the size
/// of the space, and a snapshot's tree is ready the moment the snapshot is.
/// </summary>
internal static class PageTreeIndex
{
    /// <summary>
    /// Sibling order: title, ignoring case, then path. A fixed culture rather than the request's: the tree is
    /// built once and shared by readers of every language, so its order cannot depend on who asked first.
    /// </summary>
    public static readonly IComparer<PageTreeNode> Order = new NodeOrder();

    private static readonly ImmutableSortedSet<PageTreeNode> NoChildren = ImmutableSortedSet.Create(Order);

    /// <summary>The top level of a space's tree, or empty.</summary>
    public static IReadOnlyList<PageTreeNode> Roots(ImmutableDictionary<string, PageTreeNode> nodes, string space) =>
        nodes.TryGetValue(space, out var root) ? root.Children : [];

    /// <summary>Puts the page at <paramref name="path"/> with <paramref name="title"/> into the tree (new, or in place of its old node).</summary>
    public static void SetPage(ImmutableDictionary<string, PageTreeNode>.Builder nodes, string path, string title)
    {
        var old = nodes.GetValueOrDefault(path);
        if (old is { Exists: true } && old.Title == title)
        {
            return;
        }

        Replace(nodes, old, old is null ? new PageTreeNode(path, title, true, NoChildren) : old with { Title = title, Exists = true });
    }

    /// <summary>Takes the page at <paramref name="path"/> out: a page with sub-pages stays as a folder, an empty folder goes.</summary>
    public static void RemovePage(ImmutableDictionary<string, PageTreeNode>.Builder nodes, string path)
    {
        if (!nodes.TryGetValue(path, out var old) || !old.Exists)
        {
            return;
        }

        if (old.Children.Count > 0)
        {
            Replace(nodes, old, old with { Title = FolderTitle(path), Exists = false });
        }
        else
        {
            Detach(nodes, old);
        }
    }

    /// <summary>Puts <paramref name="updated"/> where <paramref name="old"/> was (null: nowhere yet), copying its ancestors up to the space's root.</summary>
    private static void Replace(ImmutableDictionary<string, PageTreeNode>.Builder nodes, PageTreeNode? old, PageTreeNode updated)
    {
        while (true)
        {
            nodes[updated.Path] = updated;
            var slash = updated.Path.LastIndexOf('/');
            if (slash < 0)
            {
                return;
            }

            var parentPath = updated.Path[..slash];
            var parent = nodes.GetValueOrDefault(parentPath);
            var children = parent is null ? NoChildren : (ImmutableSortedSet<PageTreeNode>)parent.Children;
            if (old is not null)
            {
                children = children.Remove(old);
            }

            children = children.Add(updated);
            (old, updated) = (parent, parent is null
                ? new PageTreeNode(parentPath, FolderTitle(parentPath), false, children)
                : parent with { Children = children });
        }
    }

    /// <summary>Removes a childless node; folders (and a space's root) left without children go with it.</summary>
    private static void Detach(ImmutableDictionary<string, PageTreeNode>.Builder nodes, PageTreeNode old)
    {
        while (true)
        {
            nodes.Remove(old.Path);
            var slash = old.Path.LastIndexOf('/');
            if (slash < 0)
            {
                return;
            }

            var parent = nodes[old.Path[..slash]];
            var children = ((ImmutableSortedSet<PageTreeNode>)parent.Children).Remove(old);
            if (children.Count == 0 && !parent.Exists)
            {
                old = parent;
                continue;
            }

            Replace(nodes, parent, parent with { Children = children });
            return;
        }
    }

    private static string FolderTitle(string path) => PageTitles.FromSlug(path[(path.LastIndexOf('/') + 1)..]);

    private sealed class NodeOrder : IComparer<PageTreeNode>
    {
        private static readonly StringComparer Titles = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

        public int Compare(PageTreeNode? x, PageTreeNode? y)
        {
            var byTitle = Titles.Compare(x!.Title, y!.Title);
            return byTitle != 0 ? byTitle : string.CompareOrdinal(x.Path, y.Path);
        }
    }
}
