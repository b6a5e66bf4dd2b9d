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

    /// <summary>
    /// The nodes of the trees of <paramref name="pages"/> at once, as <see cref="SetPage"/> page by page would
    /// make them: each node's children are gathered first and sorted once, instead of copying the ancestors
    /// of every page as it is added (ten times faster for a full catalog at start).
    /// </summary>
    public static ImmutableDictionary<string, PageTreeNode> Build(IEnumerable<PageSummary> pages)
    {
        var drafts = new Dictionary<string, Draft>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var path = page.Path.Value;
            if (drafts.TryGetValue(path, out var known))
            {
                (known.Title, known.Exists) = (page.Title, true);
                continue;
            }

            drafts[path] = new Draft(path, page.Title, true);
            // Up to the first ancestor that was already there: it and everything above it are linked already.
            for (var child = path; child.LastIndexOf('/') is var slash and > 0;)
            {
                var parentPath = child[..slash];
                var isNew = !drafts.TryGetValue(parentPath, out var parent);
                parent ??= drafts[parentPath] = new Draft(parentPath, FolderTitle(parentPath), false);
                parent.Children.Add(child);
                if (!isNew)
                {
                    break;
                }

                child = parentPath;
            }
        }

        var built = new Dictionary<string, PageTreeNode>(drafts.Count, StringComparer.Ordinal);
        // Deepest first: a node is made once all of its children are.
        foreach (var draft in drafts.Values.OrderByDescending(d => d.Depth))
        {
            var children = draft.Children.Count == 0 ? NoChildren : ImmutableSortedSet.CreateRange(Order, draft.Children.Select(c => built[c]));
            built[draft.Path] = new PageTreeNode(draft.Path, draft.Title, draft.Exists, children);
        }

        return built.ToImmutableDictionary(StringComparer.Ordinal);
    }

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

    /// <summary>A node while the whole tree is gathered.</summary>
    private sealed class Draft(string path, string title, bool exists)
    {
        public string Path { get; } = path;

        public string Title { get; set; } = title;

        public bool Exists { get; set; } = exists;

        public int Depth { get; } = path.Count(c => c == '/');

        public List<string> Children { get; } = [];
    }

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
