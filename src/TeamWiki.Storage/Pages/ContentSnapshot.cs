using System.Collections.Immutable;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Every page and space at one commit, immutable. Shared by all readers: the page tree, wiki-link
/// resolution and space lists read it instead of git. Its collections are persistent (immutable, with
/// structural sharing): the catalog makes the next snapshot from this one and a commit's changes
/// (<see cref="SnapshotBuilder"/>), so a commit costs what it changed, not the number of pages, and
/// a page view asks only of its own space — a page, the space's tree, breadcrumbs — whose collections are made
/// on the space's first use and then kept (see <see cref="SpacePages"/>).
/// </summary>
public sealed class ContentSnapshot
{
    /// <summary>The pages of each space that has any, each space's collections made on first use (see <see cref="SpacePages"/>).</summary>
    internal ImmutableDictionary<string, SpacePages> PageSpaces { get; init; } = ImmutableDictionary.Create<string, SpacePages>(StringComparer.Ordinal);

    /// <summary>How many pages in all spaces.</summary>
    internal int PageTotal { get; init; }

    /// <summary>The blob of each space's settings file.</summary>
    internal ImmutableDictionary<string, string> SpaceFiles { get; init; } = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Each space as its settings file says, before task prefixes are made unique.</summary>
    internal ImmutableDictionary<string, SpaceInfo> SpacesAsWritten { get; init; } = ImmutableDictionary.Create<string, SpaceInfo>(StringComparer.Ordinal);

    internal ImmutableDictionary<string, SpaceInfo> SpacesByKey { get; init; } = ImmutableDictionary.Create<string, SpaceInfo>(StringComparer.Ordinal);

    internal IReadOnlyList<SpaceInfo> SortedSpaces { get; init; } = [];

    /// <summary>Every task file by key (ignoring case) and path: a key in two files (one put there by hand) is in both.</summary>
    internal ImmutableDictionary<string, ImmutableSortedDictionary<string, Tasks.WikiTask>> TaskFiles { get; init; } = ImmutableDictionary.Create<string, ImmutableSortedDictionary<string, Tasks.WikiTask>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The task that counts for each key: the one in the first file by path.</summary>
    internal ImmutableDictionary<string, Tasks.WikiTask> TasksByKey { get; init; } = ImmutableDictionary.Create<string, Tasks.WikiTask>(StringComparer.OrdinalIgnoreCase);

    internal ImmutableDictionary<string, ImmutableSortedDictionary<string, Tasks.WikiTask>> TasksBySpace { get; init; } = ImmutableDictionary.Create<string, ImmutableSortedDictionary<string, Tasks.WikiTask>>(StringComparer.Ordinal);

    /// <summary>The numbers used in each space by task and deleted-task files (and given to the constructor), with where each came from.</summary>
    internal ImmutableDictionary<string, ImmutableSortedSet<(int Number, string Path)>> TaskNumbers { get; init; } = ImmutableDictionary.Create<string, ImmutableSortedSet<(int Number, string Path)>>(StringComparer.Ordinal);

    internal ImmutableDictionary<string, ImmutableSortedDictionary<string, Git.GitEntry>> Documents { get; init; } = ImmutableDictionary.Create<string, ImmutableSortedDictionary<string, Git.GitEntry>>(StringComparer.Ordinal);

    /// <summary>The XOR of the hashes of all page paths (see <see cref="PathSetVersion"/>).</summary>
    internal long PathHash { get; init; }

    internal ContentSnapshot()
    {
    }

    /// <summary>Creates a snapshot.</summary>
    public ContentSnapshot(string? commit, IEnumerable<PageSummary> pages, IEnumerable<SpaceInfo> spaces,
        IEnumerable<Tasks.WikiTask>? tasks = null, IReadOnlyDictionary<string, int>? highestTaskNumbers = null, IEnumerable<Git.GitEntry>? documents = null)
    {
        var builder = new SnapshotBuilder(new ContentSnapshot());
        foreach (var space in spaces)
        {
            builder.SetSpace(space);
        }

        foreach (var page in pages)
        {
            builder.SetPage(page);
        }

        foreach (var task in tasks ?? [])
        {
            builder.SetTask(task.FilePath ?? task.Key, task);
        }

        foreach (var (space, number) in highestTaskNumbers ?? new Dictionary<string, int>())
        {
            builder.AddTaskNumber(space, number, "");
        }

        foreach (var document in documents ?? [])
        {
            builder.SetDocument(document.Path[..document.Path.IndexOf('/')], document);
        }

        var built = builder.ToSnapshot(commit);
        (Commit, PageSpaces, PageTotal, SpaceFiles, SpacesAsWritten, SpacesByKey, SortedSpaces)
            = (built.Commit, built.PageSpaces, built.PageTotal, built.SpaceFiles, built.SpacesAsWritten, built.SpacesByKey, built.SortedSpaces);
        (TaskFiles, TasksByKey, TasksBySpace, TaskNumbers, Documents, PathHash)
            = (built.TaskFiles, built.TasksByKey, built.TasksBySpace, built.TaskNumbers, built.Documents, built.PathHash);
    }

    /// <summary>An empty snapshot.</summary>
    public static ContentSnapshot Empty { get; } = new();

    /// <summary>The commit this snapshot shows (null: empty repository).</summary>
    public string? Commit { get; internal init; }

    /// <summary>
    /// Changes only when pages are added, removed or moved, not when they are edited; rendered HTML that
    /// marks missing wiki links is valid as long as this stays the same.
    /// </summary>
    public long PathSetVersion => PathHash ^ PageTotal;

    /// <summary>All pages (makes every space's pages: for lists of the whole wiki, not for a page view).</summary>
    public IReadOnlyCollection<PageSummary> Pages => new ValueCollection<PageSummary>(PageSpaces.Values.SelectMany(s => s.Pages.Values), PageTotal);

    /// <summary>All spaces, sorted by name.</summary>
    public IReadOnlyList<SpaceInfo> Spaces => SortedSpaces;

    /// <summary>A task by key (case-insensitive), or null.</summary>
    public Tasks.WikiTask? FindTask(string key) => TasksByKey.GetValueOrDefault(key);

    /// <summary>The tasks of a space.</summary>
    public IEnumerable<Tasks.WikiTask> TasksIn(string space) =>
        TasksBySpace.TryGetValue(space, out var tasks) ? tasks.Values : [];

    /// <summary>All tasks.</summary>
    public IReadOnlyCollection<Tasks.WikiTask> Tasks => new ValueCollection<Tasks.WikiTask>(TasksByKey.Values, TasksByKey.Count);

    /// <summary>The highest task number a space has used, deleted tasks included.</summary>
    public int HighestTaskNumber(string space) => TaskNumbers.TryGetValue(space, out var numbers) ? numbers.Max.Number : 0;

    /// <summary>The document files of a space (<c>space/_documents/…</c>), by path.</summary>
    public IEnumerable<Git.GitEntry> DocumentsIn(string space) =>
        Documents.TryGetValue(space, out var documents) ? documents.Values : [];

    /// <summary>A page by path, or null.</summary>
    public PageSummary? Find(PagePath path) =>
        PageSpaces.TryGetValue(path.Space, out var space) ? space.Pages.GetValueOrDefault(path.Value) : null;

    /// <summary>True when the page exists.</summary>
    public bool Exists(PagePath path) => PageSpaces.TryGetValue(path.Space, out var space) && space.Pages.ContainsKey(path.Value);

    /// <summary>A space by key, or null.</summary>
    public SpaceInfo? FindSpace(string key) => SpacesByKey.GetValueOrDefault(key);

    /// <summary>
    /// A page by title (case-insensitive), preferring <paramref name="preferredSpace"/>: its first by path there,
    /// else the first by path of all spaces. Only a title not found in the preferred space looks at the others.
    /// </summary>
    public PageSummary? FindByTitle(string title, string? preferredSpace)
    {
        var key = title.Trim();
        if (preferredSpace is not null && PageSpaces.TryGetValue(preferredSpace, out var preferred)
            && preferred.Titles.TryGetValue(key, out var here))
        {
            return here.Min;
        }

        PageSummary? first = null;
        foreach (var space in PageSpaces.Values)
        {
            if (space.Titles.TryGetValue(key, out var matches) && (first is null || string.CompareOrdinal(matches.Min!.Path.Value, first.Path.Value) < 0))
            {
                first = matches.Min;
            }
        }

        return first;
    }

    /// <summary>The first page by path with this title (case-insensitive) in <paramref name="space"/> only, or null; looks at no other space.</summary>
    public PageSummary? FindByTitleIn(string title, string space) =>
        PageSpaces.TryGetValue(space, out var pages) && pages.Titles.TryGetValue(title.Trim(), out var matches) ? matches.Min : null;

    /// <summary>Every page with this title (case-insensitive), ordered by path; empty when none.</summary>
    public IReadOnlyList<PageSummary> FindAllByTitle(string title)
    {
        var key = title.Trim();
        List<PageSummary>? all = null;
        foreach (var space in PageSpaces.Values)
        {
            if (space.Titles.TryGetValue(key, out var matches))
            {
                (all ??= []).AddRange(matches);
            }
        }

        if (all is null)
        {
            return [];
        }

        all.Sort((a, b) => string.CompareOrdinal(a.Path.Value, b.Path.Value));
        return all;
    }

    /// <summary>The pages of a space.</summary>
    public IEnumerable<PageSummary> InSpace(string space) =>
        PageSpaces.TryGetValue(space, out var pages) ? pages.Pages.Values : [];

    /// <summary>How many pages a space has, without counting them.</summary>
    public int PageCount(string space) => PageSpaces.TryGetValue(space, out var pages) ? pages.Count : 0;

    /// <summary>
    /// The page tree of a space: sub-pages nested under their parents, sorted by title (ignoring case,
    /// culture-invariant), then path. Made on the space's first use, then kept up to date with each commit.
    /// </summary>
    public IReadOnlyList<PageTreeNode> Tree(string space) =>
        PageSpaces.TryGetValue(space, out var pages) ? PageTreeIndex.Roots(pages.TreeNodes, space) : [];

    /// <summary>A collection over values whose count is known, so callers' <c>Count</c> does not enumerate.</summary>
    private sealed class ValueCollection<T>(IEnumerable<T> values, int count) : IReadOnlyCollection<T>
    {
        public int Count => count;

        public IEnumerator<T> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
