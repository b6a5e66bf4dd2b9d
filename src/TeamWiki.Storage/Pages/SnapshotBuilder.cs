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
    private readonly ImmutableDictionary<string, SpacePages>.Builder _spacePages = from.PageSpaces.ToBuilder();
    private readonly Dictionary<string, SpaceEdit> _edits = new(StringComparer.Ordinal);
    private readonly ImmutableDictionary<string, string>.Builder _spaceFiles = from.SpaceFiles.ToBuilder();
    private readonly ImmutableDictionary<string, SpaceInfo>.Builder _spaces = from.SpacesAsWritten.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedDictionary<string, WikiTask>>.Builder _taskFiles = from.TaskFiles.ToBuilder();
    private readonly ImmutableDictionary<string, WikiTask>.Builder _tasks = from.TasksByKey.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedDictionary<string, WikiTask>>.Builder _tasksBySpace = from.TasksBySpace.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedSet<(int Number, string Path)>>.Builder _numbers = from.TaskNumbers.ToBuilder();
    private readonly ImmutableDictionary<string, ImmutableSortedDictionary<string, Git.GitEntry>>.Builder _documents = from.Documents.ToBuilder();
    private readonly HashSet<string> _touchedSpaces = new(StringComparer.Ordinal);

    // A full build (from nothing) gathers its pages in a plain dictionary and makes each space's pages from it at
    // once (Materialise): immutable collections edited page by page cost most of a start.
    private Dictionary<string, PageSummary>? _bulk = from.PageSpaces.IsEmpty ? new(StringComparer.Ordinal) : null;
    private bool _spacesChanged;

    /// <summary>The spaces whose existence or settings file may have changed (see <see cref="SettleSpaces"/>).</summary>
    public IReadOnlyCollection<string> TouchedSpaces => _touchedSpaces;

    /// <summary>The page at <paramref name="path"/> as the builder has it now, or null (makes the space's pages).</summary>
    public PageSummary? PageAt(string path)
    {
        if (_bulk is not null)
        {
            return _bulk.GetValueOrDefault(path);
        }

        var space = path[..path.IndexOf('/')];
        return _edits.TryGetValue(space, out var edit) ? edit.Pages.GetValueOrDefault(path)
            : _spacePages.TryGetValue(space, out var pages) ? pages.Pages.GetValueOrDefault(path) : null;
    }

    /// <summary>
    /// A space whose pages are made on first use from its block of the kept catalog (<paramref name="load"/>); its
    /// count and path hash are known now. Only for a build from nothing, before any page of that space is set.
    /// </summary>
    public void SetKeptSpace(KeptSpace kept, Func<ImmutableDictionary<string, PageSummary>> load)
    {
        _spacePages[kept.Key] = new SpacePages(kept, load);
        _touchedSpaces.Add(kept.Key);
    }

    /// <summary>Adds or replaces a page.</summary>
    public void SetPage(PageSummary page)
    {
        var path = page.Path.Value;
        if (_bulk is not null)
        {
            _bulk[path] = page;
            return;
        }

        var space = page.Path.Space;
        var edit = EditOf(space);
        if (edit.Pages.Count == 0)
        {
            _touchedSpaces.Add(space);
        }

        edit.Set(page);
    }

    /// <summary>Removes a page (nothing when there is none at <paramref name="path"/>).</summary>
    public void RemovePage(PagePath path)
    {
        if (_bulk is not null)
        {
            _bulk.Remove(path.Value);
            return;
        }

        if (!_edits.ContainsKey(path.Space) && !_spacePages.ContainsKey(path.Space))
        {
            return;
        }

        var edit = EditOf(path.Space);
        if (edit.Remove(path) && edit.Pages.Count == 0)
        {
            _touchedSpaces.Add(path.Space);
        }
    }

    /// <summary>The open edit of a space's pages (made from the previous snapshot's on first need).</summary>
    private SpaceEdit EditOf(string space)
    {
        if (!_edits.TryGetValue(space, out var edit))
        {
            _edits[space] = edit = new SpaceEdit(_spacePages.GetValueOrDefault(space));
        }

        return edit;
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
            var exists = (_edits.TryGetValue(key, out var edit) ? edit.Pages.Count > 0 : _spacePages.ContainsKey(key)) || _spaceFiles.ContainsKey(key);
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

        foreach (var (space, edit) in _edits)
        {
            if (edit.Pages.Count == 0)
            {
                _spacePages.Remove(space);
            }
            else
            {
                _spacePages[space] = edit.ToSpacePages();
            }
        }

        _edits.Clear();
        var (total, hash) = (0, 0L);
        foreach (var pages in _spacePages.Values)
        {
            (total, hash) = (total + pages.Count, hash ^ pages.PathHash);
        }

        return new ContentSnapshot
        {
            Commit = commit,
            PageSpaces = _spacePages.ToImmutable(),
            PageTotal = total,
            SpaceFiles = _spaceFiles.ToImmutable(),
            SpacesAsWritten = spaces,
            SpacesByKey = byKey,
            SortedSpaces = sorted,
            TaskFiles = _taskFiles.ToImmutable(),
            TasksByKey = _tasks.ToImmutable(),
            TasksBySpace = _tasksBySpace.ToImmutable(),
            TaskNumbers = _numbers.ToImmutable(),
            Documents = _documents.ToImmutable(),
            PathHash = hash,
        };
    }

    /// <summary>
    /// Makes each space's pages of a full build from the pages gathered (their titles and tree only when asked);
    /// from here on, pages are set one by one.
    /// </summary>
    private void Materialise()
    {
        if (_bulk is not { } pages)
        {
            return;
        }

        _bulk = null;
        var bySpace = new Dictionary<string, List<KeyValuePair<string, PageSummary>>>(StringComparer.Ordinal);
        foreach (var (path, page) in pages)
        {
            var space = page.Path.Space;
            if (!bySpace.TryGetValue(space, out var inSpace))
            {
                bySpace[space] = inSpace = [];
            }

            inSpace.Add(new(path, page));
        }

        foreach (var (space, inSpace) in bySpace)
        {
            _touchedSpaces.Add(space);
            if (_spacePages.ContainsKey(space))
            {
                // A space kept from disk that also got pages set: edited as after a commit.
                foreach (var (_, page) in inSpace)
                {
                    EditOf(space).Set(page);
                }

                continue;
            }

            var hash = 0L;
            foreach (var (path, _) in inSpace)
            {
                hash ^= HashOf(path);
            }

            _spacePages[space] = new SpacePages(ImmutableDictionary.CreateRange(StringComparer.Ordinal, inSpace), hash);
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

    /// <summary>What a page path adds to <see cref="ContentSnapshot.PathSetVersion"/>.</summary>
    internal static long HashOf(string path) => (long)StringComparer.Ordinal.GetHashCode(path) * 0x9E3779B1L;

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
