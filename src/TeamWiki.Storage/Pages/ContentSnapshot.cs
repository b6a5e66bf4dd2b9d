using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Every page and space at one commit, immutable. Built once per commit and shared by all readers:
/// the page tree, wiki-link resolution and space lists read it instead of git.
/// </summary>
public sealed class ContentSnapshot
{
    private readonly Dictionary<string, PageSummary> _pages;
    private readonly Dictionary<string, List<PageSummary>> _byTitle;
    private readonly Dictionary<string, SpaceInfo> _spaces;
    private readonly IReadOnlyList<SpaceInfo> _sortedSpaces;
    private readonly ILookup<string, PageSummary> _bySpace;

    // The snapshot never changes, so each space's tree is built once, on first use, and shared by every
    // request that shows it (the side navigation asks for it on every page view).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<PageTreeNode>> _trees = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Tasks.WikiTask> _tasks;
    private readonly ILookup<string, Tasks.WikiTask> _tasksBySpace;
    private readonly Dictionary<string, int> _highestTaskNumber;
    private readonly ILookup<string, Git.GitEntry> _documents;

    /// <summary>Creates a snapshot.</summary>
    public ContentSnapshot(string? commit, IEnumerable<PageSummary> pages, IEnumerable<SpaceInfo> spaces,
        IEnumerable<Tasks.WikiTask>? tasks = null, IReadOnlyDictionary<string, int>? highestTaskNumbers = null, IEnumerable<Git.GitEntry>? documents = null)
    {
        _tasks = (tasks ?? []).ToDictionary(t => t.Key, StringComparer.OrdinalIgnoreCase);
        _tasksBySpace = _tasks.Values.ToLookup(t => t.Space, StringComparer.Ordinal);
        _highestTaskNumber = new Dictionary<string, int>(highestTaskNumbers ?? new Dictionary<string, int>(), StringComparer.Ordinal);
        _documents = (documents ?? []).ToLookup(d => d.Path[..d.Path.IndexOf('/')], StringComparer.Ordinal);
        Commit = commit;
        _pages = pages.ToDictionary(p => p.Path.Value, StringComparer.Ordinal);
        _byTitle = _pages.Values
            .GroupBy(p => p.Title.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Path.Value, StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);
        _spaces = UniquePrefixes(spaces).ToDictionary(s => s.Key, StringComparer.Ordinal);
        _sortedSpaces = _spaces.Values.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        _bySpace = _pages.Values.ToLookup(p => p.Path.Space, StringComparer.Ordinal);
        PathSetVersion = _pages.Keys.Aggregate(0L, (acc, p) => acc ^ ((long)StringComparer.Ordinal.GetHashCode(p) * 0x9E3779B1L)) ^ _pages.Count;
    }

    /// <summary>An empty snapshot.</summary>
    public static ContentSnapshot Empty { get; } = new(null, [], []);

    /// <summary>The commit this snapshot shows (null: empty repository).</summary>
    public string? Commit { get; }

    /// <summary>
    /// Changes only when pages are added, removed or moved, not when they are edited; rendered HTML that
    /// marks missing wiki links is valid as long as this stays the same.
    /// </summary>
    public long PathSetVersion { get; }

    /// <summary>All pages.</summary>
    public IReadOnlyCollection<PageSummary> Pages => _pages.Values;

    /// <summary>All spaces, sorted by name.</summary>
    public IReadOnlyList<SpaceInfo> Spaces => _sortedSpaces;

    /// <summary>A task by key (case-insensitive), or null.</summary>
    public Tasks.WikiTask? FindTask(string key) => _tasks.GetValueOrDefault(key);

    /// <summary>The tasks of a space.</summary>
    public IEnumerable<Tasks.WikiTask> TasksIn(string space) => _tasksBySpace[space];

    /// <summary>All tasks.</summary>
    public IReadOnlyCollection<Tasks.WikiTask> Tasks => _tasks.Values;

    /// <summary>The highest task number a space has used, deleted tasks included.</summary>
    public int HighestTaskNumber(string space) => _highestTaskNumber.GetValueOrDefault(space);

    /// <summary>The document files of a space (<c>space/_documents/…</c>).</summary>
    public IEnumerable<Git.GitEntry> DocumentsIn(string space) => _documents[space];

    /// <summary>A page by path, or null.</summary>
    public PageSummary? Find(PagePath path) => _pages.GetValueOrDefault(path.Value);

    /// <summary>True when the page exists.</summary>
    public bool Exists(PagePath path) => _pages.ContainsKey(path.Value);

    /// <summary>A space by key, or null.</summary>
    public SpaceInfo? FindSpace(string key) => _spaces.GetValueOrDefault(key);

    /// <summary>A page by title (case-insensitive), preferring one in <paramref name="preferredSpace"/>.</summary>
    public PageSummary? FindByTitle(string title, string? preferredSpace)
    {
        if (!_byTitle.TryGetValue(title.Trim(), out var matches))
        {
            return null;
        }

        return matches.FirstOrDefault(p => p.Path.Space == preferredSpace) ?? matches[0];
    }

    /// <summary>Every page with this title (case-insensitive), ordered by path; empty when none.</summary>
    public IReadOnlyList<PageSummary> FindAllByTitle(string title) =>
        _byTitle.TryGetValue(title.Trim(), out var matches) ? matches : [];

    /// <summary>The pages of a space.</summary>
    public IEnumerable<PageSummary> InSpace(string space) => _bySpace[space];

    /// <summary>The page tree of a space: sub-pages nested under their parents, sorted by title.</summary>
    public IReadOnlyList<PageTreeNode> Tree(string space) => _trees.GetOrAdd(space, BuildTree);

    private IReadOnlyList<PageTreeNode> BuildTree(string space)
    {
        var pages = InSpace(space).ToList();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            for (var parent = page.Path.Parent; parent is { } p; parent = p.Parent)
            {
                folders.Add(p.Value);
            }
        }

        var childrenOf = pages.Select(p => p.Path.Value).Concat(folders).Distinct()
            .GroupBy(ParentOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        IReadOnlyList<PageTreeNode> Build(string parent) =>
            childrenOf.TryGetValue(parent, out var kids)
                ? kids.Select(path => _pages.TryGetValue(path, out var page)
                        ? new PageTreeNode(path, page.Title, true, Build(path))
                        : new PageTreeNode(path, PageTitles.FromSlug(path[(path.LastIndexOf('/') + 1)..]), false, Build(path)))
                    .OrderBy(n => n.Title, StringComparer.CurrentCultureIgnoreCase).ToList()
                : [];

        return Build(space);
    }

    private static string ParentOf(string path) => path[..path.LastIndexOf('/')];

    /// <summary>
    /// Task keys must be unique across spaces; when hand-edited files give two spaces one prefix, the
    /// space whose key sorts later gets a number added (HB, HB2).
    /// </summary>
    private static IEnumerable<SpaceInfo> UniquePrefixes(IEnumerable<SpaceInfo> spaces)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var space in spaces.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var prefix = space.TaskPrefix;
            for (var n = 2; !taken.Add(prefix); n++)
            {
                prefix = space.TaskPrefix + n;
            }

            yield return prefix == space.TaskPrefix ? space : space with { TaskPrefix = prefix };
        }
    }
}
