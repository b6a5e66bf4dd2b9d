using System.Collections.Immutable;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Every page and space at one commit, immutable. Shared by all readers: the page tree, wiki-link
/// resolution and space lists read it instead of git. Its collections are persistent (immutable, with
/// structural sharing): the catalog makes the next snapshot from this one and a commit's changes
/// (<see cref="SnapshotBuilder"/>), so a commit costs what it changed, not the number of pages, and
/// everything a page view asks of it — a page, a space's tree, breadcrumbs — is ready without building.
/// </summary>
public sealed class ContentSnapshot
{
    internal ImmutableDictionary<string, PageSummary> PagesByPath { get; init; } = ImmutableDictionary.Create<string, PageSummary>(StringComparer.Ordinal);

    /// <summary>Pages by trimmed title (ignoring case), each set ordered by path.</summary>
    internal ImmutableDictionary<string, ImmutableSortedSet<PageSummary>> ByTitle { get; init; } = ImmutableDictionary.Create<string, ImmutableSortedSet<PageSummary>>(StringComparer.OrdinalIgnoreCase);

    internal ImmutableDictionary<string, ImmutableDictionary<string, PageSummary>> BySpace { get; init; } = ImmutableDictionary.Create<string, ImmutableDictionary<string, PageSummary>>(StringComparer.Ordinal);

    /// <summary>The nodes of every space's page tree (see <see cref="PageTreeIndex"/>).</summary>
    internal ImmutableDictionary<string, PageTreeNode> TreeNodes { get; init; } = ImmutableDictionary.Create<string, PageTreeNode>(StringComparer.Ordinal);

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
        (Commit, PagesByPath, ByTitle, BySpace, TreeNodes, SpaceFiles, SpacesAsWritten, SpacesByKey, SortedSpaces)
            = (built.Commit, built.PagesByPath, built.ByTitle, built.BySpace, built.TreeNodes, built.SpaceFiles, built.SpacesAsWritten, built.SpacesByKey, built.SortedSpaces);
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
    public long PathSetVersion => PathHash ^ PagesByPath.Count;

    /// <summary>All pages.</summary>
    public IReadOnlyCollection<PageSummary> Pages => new ValueCollection<PageSummary>(PagesByPath.Values, PagesByPath.Count);

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
    public PageSummary? Find(PagePath path) => PagesByPath.GetValueOrDefault(path.Value);

    /// <summary>True when the page exists.</summary>
    public bool Exists(PagePath path) => PagesByPath.ContainsKey(path.Value);

    /// <summary>A space by key, or null.</summary>
    public SpaceInfo? FindSpace(string key) => SpacesByKey.GetValueOrDefault(key);

    /// <summary>A page by title (case-insensitive), preferring one in <paramref name="preferredSpace"/>.</summary>
    public PageSummary? FindByTitle(string title, string? preferredSpace)
    {
        if (!ByTitle.TryGetValue(title.Trim(), out var matches))
        {
            return null;
        }

        return matches.FirstOrDefault(p => p.Path.Space == preferredSpace) ?? matches[0];
    }

    /// <summary>Every page with this title (case-insensitive), ordered by path; empty when none.</summary>
    public IReadOnlyList<PageSummary> FindAllByTitle(string title) =>
        ByTitle.TryGetValue(title.Trim(), out var matches) ? matches : [];

    /// <summary>The pages of a space.</summary>
    public IEnumerable<PageSummary> InSpace(string space) =>
        BySpace.TryGetValue(space, out var pages) ? pages.Values : [];

    /// <summary>How many pages a space has, without counting them.</summary>
    public int PageCount(string space) => BySpace.TryGetValue(space, out var pages) ? pages.Count : 0;

    /// <summary>
    /// The page tree of a space: sub-pages nested under their parents, sorted by title (ignoring case,
    /// culture-invariant), then path. Kept up to date with each commit, never built on a request.
    /// </summary>
    public IReadOnlyList<PageTreeNode> Tree(string space) => PageTreeIndex.Roots(TreeNodes, space);

    /// <summary>A collection over values whose count is known, so callers' <c>Count</c> does not enumerate.</summary>
    private sealed class ValueCollection<T>(IEnumerable<T> values, int count) : IReadOnlyCollection<T>
    {
        public int Count => count;

        public IEnumerator<T> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
