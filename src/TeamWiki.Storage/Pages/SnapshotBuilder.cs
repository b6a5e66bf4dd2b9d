using System.Collections.Immutable;
using TeamWiki.Storage.Spaces;
using TeamWiki.Storage.Tasks;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Makes the next <see cref="ContentSnapshot"/> from the previous one and what changed: each collection
/// is edited through its immutable builder, so only the changed entries (and, for the page tree, the
/// nodes on their paths) are new, and the previous snapshot stays untouched for the readers that hold it.
/// A full build is the same edits applied to <see cref="ContentSnapshot.Empty"/>.
/// </summary>
internal sealed class SnapshotBuilder(ContentSnapshot from)
{
    private static readonly IComparer<PageSummary> ByPath = Comparer<PageSummary>.Create((a, b) => string.CompareOrdinal(a.Path.Value, b.Path.Value));

    private readonly ImmutableDictionary<string, PageSummary>.Builder _pages = from.PagesByPath.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedSet<PageSummary>>.Builder _byTitle = from.ByTitle.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableDictionary<string, PageSummary>>.Builder _bySpace = from.BySpace.ToBuilder();
    private readonly ImmutableDictionary<string, PageTreeNode>.Builder _tree = from.TreeNodes.ToBuilder();
    private readonly ImmutableDictionary<string, string>.Builder _spaceFiles = from.SpaceFiles.ToBuilder();
    private readonly ImmutableDictionary<string, SpaceInfo>.Builder _spaces = from.SpacesAsWritten.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedDictionary<string, WikiTask>>.Builder _taskFiles = from.TaskFiles.ToBuilder();
    private readonly ImmutableDictionary<string, WikiTask>.Builder _tasks = from.TasksByKey.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedDictionary<string, WikiTask>>.Builder _tasksBySpace = from.TasksBySpace.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedSet<(int Number, string Path)>>.Builder _numbers = from.TaskNumbers.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedDictionary<string, Git.GitEntry>>.Builder _documents = from.Documents.ToBuilder();
    private readonly HashSet<string> _touchedSpaces = new(StringComparer.Ordinal);
    // A full build (from nothing) makes the page tree once at the end, which is far cheaper than page by page.
    private readonly bool _treeAtEnd = from.TreeNodes.IsEmpty;

    // The pages set during a full build, in a plain list: enumerating the immutable dictionary costs more than the tree.
    private List<PageSummary>? _treePages = from.TreeNodes.IsEmpty ? [] : null;

    // A full build gathers its pages in a plain dictionary and makes the page collections from it at once
    // (Materialise): a space's pages and a title's pages as immutable sets edited page by page cost most of a start.
    private Dictionary<string, PageSummary>? _bulk = from.TreeNodes.IsEmpty && from.PagesByPath.IsEmpty ? new(StringComparer.Ordinal) : null;
    private long _pathHash = from.PathHash;
    private bool _spacesChanged;

    /// <summary>The spaces whose existence or settings file may have changed (see <see cref="SettleSpaces"/>).</summary>
    public IReadOnlyCollection<string> TouchedSpaces => _touchedSpaces;

    /// <summary>The page at <paramref name="path"/> as the builder has it now, or null.</summary>
    public PageSummary? PageAt(string path) => _bulk is not null ? _bulk.GetValueOrDefault(path) : _pages.GetValueOrDefault(path);

    /// <summary>Adds or replaces a page.</summary>
    public void SetPage(PageSummary page)
    {
        var path = page.Path.Value;
        if (_bulk is not null)
        {
            _bulk[path] = page;
            return;
        }

        if (_pages.TryGetValue(path, out var old))
        {
            RemoveTitle(old);
        }
        else
        {
            _pathHash ^= HashOf(path);
        }

        _pages[path] = page;
        var title = page.Title.Trim();
        _byTitle[title] = (_byTitle.TryGetValue(title, out var same) ? same.Remove(page) : ImmutableSortedSet.Create(ByPath)).Add(page);
        var space = page.Path.Space;
        var inSpace = _bySpace.TryGetValue(space, out var pages) ? pages : ImmutableDictionary.Create<string, PageSummary>(StringComparer.Ordinal);
        if (inSpace.Count == 0)
        {
            _touchedSpaces.Add(space);
        }

        _bySpace[space] = inSpace.SetItem(path, page);
        if (!_treeAtEnd)
        {
            PageTreeIndex.SetPage(_tree, path, page.Title);
        }
        else
        {
            // A page set twice is in the list twice; the tree keeps the last.
            _treePages?.Add(page);
        }
    }

    /// <summary>Removes a page (nothing when there is none at <paramref name="path"/>).</summary>
    public void RemovePage(PagePath path)
    {
        if (_bulk is not null)
        {
            _bulk.Remove(path.Value);
            return;
        }

        if (!_pages.Remove(path.Value, out var old))
        {
            return;
        }

        _pathHash ^= HashOf(path.Value);
        RemoveTitle(old);
        var rest = _bySpace[path.Space].Remove(path.Value);
        if (rest.Count == 0)
        {
            _bySpace.Remove(path.Space);
            _touchedSpaces.Add(path.Space);
        }
        else
        {
            _bySpace[path.Space] = rest;
        }

        if (!_treeAtEnd)
        {
            PageTreeIndex.RemovePage(_tree, path.Value);
        }
        else
        {
            _treePages = null;
        }
    }

    /// <summary>Records a space's settings file (null blob: gone).</summary>
    public void SetSpaceFile(string space, string? blobId)
    {
        if (blobId is null ? _spaceFiles.Remove(space) : _spaceFiles.GetValueOrDefault(space) != blobId)
        {
            if (blobId is not null)
            {
                _spaceFiles[space] = blobId;
            }

            _spacesChanged |= _spaces.Remove(space);
            _touchedSpaces.Add(space);
        }
    }

    /// <summary>Sets a space as given (for snapshots made from lists rather than files).</summary>
    public void SetSpace(SpaceInfo space)
    {
        _spaces[space.Key] = space;
        _spacesChanged = true;
    }

    /// <summary>
    /// A space exists while it has pages or a settings file. For each touched space, reads the settings of
    /// one that exists and is not read yet, and forgets one that no longer exists.
    /// </summary>
    public void SettleSpaces(Func<string, string?, SpaceInfo> read)
    {
        Materialise();
        foreach (var key in _touchedSpaces)
        {
            var exists = _bySpace.ContainsKey(key) || _spaceFiles.ContainsKey(key);
            if (!exists)
            {
                _spacesChanged |= _spaces.Remove(key);
            }
            else if (!_spaces.ContainsKey(key))
            {
                _spaces[key] = read(key, _spaceFiles.GetValueOrDefault(key));
                _spacesChanged = true;
            }
        }

        _touchedSpaces.Clear();
    }

    /// <summary>The space's settings as read so far (for the first status of its tasks), or null.</summary>
    public SpaceInfo? SpaceAsWritten(string key) => _spaces.GetValueOrDefault(key);

    /// <summary>Adds or replaces the task in the file at <paramref name="path"/>.</summary>
    public void SetTask(string path, WikiTask task)
    {
        var files = _taskFiles.TryGetValue(task.Key, out var known) ? known : ImmutableSortedDictionary.Create<string, WikiTask>(StringComparer.Ordinal);
        _taskFiles[task.Key] = files.SetItem(path, task);
        Elect(task.Key);
    }

    /// <summary>Removes the task file at <paramref name="path"/> that holds <paramref name="key"/>.</summary>
    public void RemoveTask(string path, string key)
    {
        if (!_taskFiles.TryGetValue(key, out var files) || !files.ContainsKey(path))
        {
            return;
        }

        var rest = files.Remove(path);
        if (rest.Count == 0)
        {
            _taskFiles.Remove(key);
        }
        else
        {
            _taskFiles[key] = rest;
        }

        Elect(key);
    }

    /// <summary>Records that <paramref name="path"/> uses <paramref name="number"/> in <paramref name="space"/>.</summary>
    public void AddTaskNumber(string space, int number, string path) =>
        _numbers[space] = (_numbers.TryGetValue(space, out var used) ? used : ImmutableSortedSet<(int, string)>.Empty).Add((number, path));

    /// <summary>Forgets that <paramref name="path"/> used <paramref name="number"/>.</summary>
    public void RemoveTaskNumber(string space, int number, string path)
    {
        if (_numbers.TryGetValue(space, out var used))
        {
            var rest = used.Remove((number, path));
            if (rest.Count == 0)
            {
                _numbers.Remove(space);
            }
            else
            {
                _numbers[space] = rest;
            }
        }
    }

    /// <summary>Adds or replaces a document file.</summary>
    public void SetDocument(string space, Git.GitEntry entry) =>
        _documents[space] = (_documents.TryGetValue(space, out var known) ? known : ImmutableSortedDictionary.Create<string, Git.GitEntry>(StringComparer.Ordinal)).SetItem(entry.Path, entry);

    /// <summary>Removes a document file.</summary>
    public void RemoveDocument(string space, string path)
    {
        if (_documents.TryGetValue(space, out var known))
        {
            var rest = known.Remove(path);
            if (rest.Count == 0)
            {
                _documents.Remove(space);
            }
            else
            {
                _documents[space] = rest;
            }
        }
    }

    /// <summary>The snapshot at <paramref name="commit"/>.</summary>
    public ContentSnapshot ToSnapshot(string? commit)
    {
        Materialise();
        var spaces = _spaces.ToImmutable();
        var byKey = from.SpacesByKey;
        var sorted = from.SortedSpaces;
        if (_spacesChanged)
        {
            byKey = UniquePrefixes(spaces.Values).ToImmutableDictionary(s => s.Key, StringComparer.Ordinal);
            sorted = byKey.Values.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        }

        return new ContentSnapshot
        {
            Commit = commit,
            PagesByPath = _pages.ToImmutable(),
            ByTitle = _byTitle.ToImmutable(),
            BySpace = _bySpace.ToImmutable(),
            TreeNodes = _treeAtEnd ? PageTreeIndex.Build(_treePages ?? (IEnumerable<PageSummary>)_pages.Values) : _tree.ToImmutable(),
            SpaceFiles = _spaceFiles.ToImmutable(),
            SpacesAsWritten = spaces,
            SpacesByKey = byKey,
            SortedSpaces = sorted,
            TaskFiles = _taskFiles.ToImmutable(),
            TasksByKey = _tasks.ToImmutable(),
            TasksBySpace = _tasksBySpace.ToImmutable(),
            TaskNumbers = _numbers.ToImmutable(),
            Documents = _documents.ToImmutable(),
            PathHash = _pathHash,
        };
    }

    /// <summary>Makes the page collections of a full build from the pages gathered; from here on, pages are set one by one.</summary>
    private void Materialise()
    {
        if (_bulk is not { } pages)
        {
            return;
        }

        _bulk = null;
        var bySpace = new Dictionary<string, List<KeyValuePair<string, PageSummary>>>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, List<PageSummary>>(pages.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (path, page) in pages)
        {
            _pathHash ^= HashOf(path);
            var space = page.Path.Space;
            if (!bySpace.TryGetValue(space, out var inSpace))
            {
                bySpace[space] = inSpace = [];
                _touchedSpaces.Add(space);
            }

            inSpace.Add(new(path, page));
            var title = page.Title.Trim();
            if (!byTitle.TryGetValue(title, out var same))
            {
                byTitle[title] = same = [];
            }

            same.Add(page);
        }

        _pages.AddRange(pages);
        foreach (var (space, inSpace) in bySpace)
        {
            _bySpace[space] = ImmutableDictionary.CreateRange(StringComparer.Ordinal, inSpace);
        }

        foreach (var (title, same) in byTitle)
        {
            _byTitle[title] = ImmutableSortedSet.CreateRange(ByPath, same);
        }

        _treePages = [.. pages.Values];
    }

    private void RemoveTitle(PageSummary old)
    {
        var title = old.Title.Trim();
        var rest = _byTitle[title].Remove(old);
        if (rest.Count == 0)
        {
            _byTitle.Remove(title);
        }
        else
        {
            _byTitle[title] = rest;
        }
    }

    /// <summary>A key in two files (one put there by hand): the file first by path counts.</summary>
    private void Elect(string key)
    {
        if (_tasks.TryGetValue(key, out var previous))
        {
            _tasks.Remove(key);
            var rest = _tasksBySpace[previous.Space].Remove(previous.Key);
            if (rest.Count == 0)
            {
                _tasksBySpace.Remove(previous.Space);
            }
            else
            {
                _tasksBySpace[previous.Space] = rest;
            }
        }

        if (_taskFiles.TryGetValue(key, out var files))
        {
            var winner = files.First().Value;
            _tasks[key] = winner;
            _tasksBySpace[winner.Space] = (_tasksBySpace.TryGetValue(winner.Space, out var known)
                ? known
                : ImmutableSortedDictionary.Create<string, WikiTask>(StringComparer.Ordinal)).SetItem(winner.Key, winner);
        }
    }

    private static long HashOf(string path) => (long)StringComparer.Ordinal.GetHashCode(path) * 0x9E3779B1L;

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
