using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Keeps <see cref="ContentSnapshot"/> in step with the branch. After the branch moved, the next snapshot
/// is the previous one with the changes between the two commits applied (a tree diff, which skips
/// unchanged folders; <see cref="SnapshotBuilder"/>), so a commit costs what it changed, not the size of
/// the wiki. At start the previous snapshot is the one kept on disk (<see cref="CatalogSnapshotFile"/>,
/// keyed by its commit), so a restart applies the commits since it was written instead of listing and
/// parsing the whole tree; only without a usable one (the first start, a damaged file, history rewritten
/// from outside) is the whole tree listed. It reads only blobs it has not parsed before: a blob id names
/// its content, so the parsed front matter of an unchanged page is reused, also across restarts.
/// </summary>
public sealed class ContentCatalog : IContentCatalog, IDisposable
{
    /// <summary>How long a snapshot built from the whole tree waits before it is written to disk.</summary>
    private static readonly TimeSpan FirstSaveDelay = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After commits, how long the snapshot waits before it is written again: a full rewrite of it, so at most
    /// once per this for a burst of commits. An older file is still a good start: the diff to the tip is applied.
    /// </summary>
    private static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(60);

    private readonly IContentRepository _repository;
    private readonly string? _snapshotFile;
    private readonly ConcurrentDictionary<string, ParsedPage> _parsed = new(StringComparer.Ordinal);
    private readonly Lock _rebuild = new();
    private volatile ContentSnapshot _snapshot = ContentSnapshot.Empty;
    private readonly Dictionary<string, FileRole> _roles = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    // How many pages use each parsed blob: a parse no page uses any more is forgotten, without a sweep of all of them.
    private readonly Dictionary<string, int> _blobUses = new(StringComparer.Ordinal);
    private readonly Caching.DelayedSave _delayedSave = new();
    private bool _started;

    // Settings files already warned about, by blob id: each broken version is logged once, not on every commit.
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <summary>Creates the catalog over a repository.</summary>
    /// <param name="repository">The content.</param>
    /// <param name="snapshotFile">Where the catalog is kept between runs (null: only in memory).</param>
    /// <param name="logger">Warns about <c>_space.yml</c> files that cannot be read.</param>
    public ContentCatalog(GitContentRepository repository, string? snapshotFile = null, ILogger<ContentCatalog>? logger = null)
    {
        _repository = repository;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _snapshotFile = snapshotFile;
    }

    /// <inheritdoc />
    public ContentSnapshot Current
    {
        get
        {
            var head = _repository.Head;
            var snapshot = _snapshot;
            if (snapshot.Commit == head)
            {
                return snapshot;
            }

            lock (_rebuild)
            {
                if (!_started)
                {
                    _started = true;
                    StartFromDisk();
                }

                head = _repository.Head;
                if (_snapshot.Commit != head)
                {
                    _snapshot = Build(head);
                }

                return _snapshot;
            }
        }
    }

    /// <summary>The commit of the snapshot this catalog started from, when it was read from disk (null: the tree was listed).</summary>
    internal string? StartedFrom { get; private set; }

    /// <summary>Takes the snapshot kept on disk as the previous one, when there is one to trust.</summary>
    private void StartFromDisk()
    {
        if (_snapshotFile is null || CatalogSnapshotFile.Read(_snapshotFile) is not { } persisted)
        {
            return;
        }

        // Its files say what the tree held at its commit; that is worth something only while the commit is on
        // the branch (history rewritten from outside: the tree is listed). Each space's pages are made when first
        // asked for (a page view needs one space), from the block the file keeps of them.
        if (persisted.Commit == _repository.Head || _repository.FindCommit(persisted.Commit) is not null)
        {
            _snapshot = Apply(persisted.Commit, ContentSnapshot.Empty, persisted.Files, full: true, persisted.Spaces);
            StartedFrom = persisted.Commit;
        }
        else
        {
            _logger.LogInformation("The catalog kept on disk shows commit {Commit}, which is not on the branch; listing the tree", persisted.Commit);
        }
    }

    private ContentSnapshot Build(string? head)
    {
        if (head is null)
        {
            return ContentSnapshot.Empty;
        }

        var previous = _snapshot;
        var changes = previous.Commit is { } from ? ChangesOrNull(from, head) : null;
        var full = changes is null;
        var next = full
            ? Apply(head, ContentSnapshot.Empty, _repository.ListFiles(head).Select(e => new GitChange(e.Path, e.BlobId)).ToList(), full: true)
            : Apply(head, previous, changes!, full: false);
        ScheduleSave(full ? FirstSaveDelay : SaveDelay);
        return next;
    }

    /// <summary>The snapshot at <paramref name="commit"/>: <paramref name="from"/> with <paramref name="changes"/> applied (all files of the tree when <paramref name="full"/>).</summary>
    private ContentSnapshot Apply(string commit, ContentSnapshot from, IReadOnlyList<GitChange> changes, bool full, IReadOnlyList<KeptSpace>? kept = null)
    {
        if (full)
        {
            _blobUses.Clear();
        }

        var builder = new SnapshotBuilder(from);
        foreach (var space in kept ?? [])
        {
            builder.SetKeptSpace(space, () => Load(space));
        }

        var newTasks = new List<(FileRole Role, GitEntry Entry)>();
        foreach (var change in changes)
        {
            var role = RoleOf(change.Path);
            switch (role.Kind)
            {
                case FileKind.Page:
                    if (builder.PageAt(role.Page.Value) is { } old)
                    {
                        Release(old.BlobId);
                    }

                    if (change.BlobId is not { } blob)
                    {
                        builder.RemovePage(role.Page);
                        break;
                    }

                    var parsed = _parsed.GetOrAdd(blob, Parse);
                    _blobUses[blob] = _blobUses.GetValueOrDefault(blob) + 1;
                    var title = parsed.Meta.Title ?? parsed.Heading ?? PageTitles.FromSlug(role.Page.Name);
                    builder.SetPage(new PageSummary(role.Page, title, parsed.Meta.Tags, parsed.Meta.Description, parsed.Meta.Language, blob));
                    break;
                case FileKind.SpaceMetadata:
                    builder.SetSpaceFile(role.Space, change.BlobId);
                    break;
                case FileKind.Task:
                    builder.RemoveTask(change.Path, role.TaskKey);
                    builder.RemoveTaskNumber(role.Space, Number(role.TaskKey), change.Path);
                    if (change.BlobId is { } taskBlob)
                    {
                        builder.AddTaskNumber(role.Space, Number(role.TaskKey), change.Path);
                        newTasks.Add((role, new GitEntry(change.Path, taskBlob)));
                    }

                    break;
                case FileKind.DeletedTask:
                    builder.RemoveTaskNumber(role.Space, Number(role.TaskKey), change.Path);
                    if (change.BlobId is not null)
                    {
                        builder.AddTaskNumber(role.Space, Number(role.TaskKey), change.Path);
                    }

                    break;
                case FileKind.Document:
                    if (change.BlobId is { } documentBlob)
                    {
                        builder.SetDocument(role.Space, new GitEntry(change.Path, documentBlob));
                    }
                    else
                    {
                        builder.RemoveDocument(role.Space, change.Path);
                    }

                    break;
            }
        }

        // Tasks come after the spaces are settled: a task without a status gets its space's first column.
        builder.SettleSpaces(ReadSpace);
        foreach (var (role, entry) in newTasks)
        {
            var firstStatus = builder.SpaceAsWritten(role.Space)?.FirstStatus ?? "todo";
            var text = Encoding.UTF8.GetString(_repository.ReadBlob(entry.BlobId) ?? []);
            builder.SetTask(entry.Path, Tasks.TaskFile.Parse(role.Space, role.TaskKey, text, firstStatus) with { BlobId = entry.BlobId, FilePath = entry.Path });
        }

        if (full)
        {
            // Forget parses of blobs no page uses (read from an older snapshot); from here on, releases keep it tidy.
            foreach (var stale in _parsed.Keys.Where(k => !_blobUses.ContainsKey(k)).ToList())
            {
                _parsed.TryRemove(stale, out _);
            }
        }

        return builder.ToSnapshot(commit);
    }

    /// <summary>
    /// A space's pages from its block of the kept catalog, on the space's first use (any thread). Their parses join
    /// the others, so the next save and a moved page's new title find them without reading the blob.
    /// </summary>
    private ImmutableDictionary<string, PageSummary> Load(KeptSpace kept)
    {
        var pages = new List<KeyValuePair<string, PageSummary>>(kept.Count);
        foreach (var row in kept.Pages())
        {
            // Only what a full build would take as a page of this space (the file is trusted as far as its hash goes).
            if (PagePath.FromFilePath(row.FilePath) is not { } page || page.Space != kept.Key)
            {
                continue;
            }

            _parsed.TryAdd(row.BlobId, row.Parse);
            var title = row.Parse.Meta.Title ?? row.Parse.Heading ?? PageTitles.FromSlug(page.Name);
            pages.Add(new(page.Value, new PageSummary(page, title, row.Parse.Meta.Tags, row.Parse.Meta.Description, row.Parse.Meta.Language, row.BlobId)));
        }

        return ImmutableDictionary.CreateRange(StringComparer.Ordinal, pages);
    }

    /// <summary>One page fewer uses <paramref name="blobId"/>; when none does any more, its parse is forgotten.</summary>
    private void Release(string blobId)
    {
        var uses = _blobUses.GetValueOrDefault(blobId) - 1;
        if (uses > 0)
        {
            _blobUses[blobId] = uses;
            return;
        }

        _blobUses.Remove(blobId);
        _parsed.TryRemove(blobId, out _);
    }

    /// <summary>Writing the snapshot is a full rewrite of it: do it once after a burst of commits, not per commit.</summary>
    private void ScheduleSave(TimeSpan delay)
    {
        if (_snapshotFile is not null)
        {
            _delayedSave.Schedule(delay, Save);
        }
    }

    /// <summary>
    /// Stops a save still waiting and waits for one under way: nothing is written into the data folder after
    /// the host has stopped (a removed folder would otherwise get a file back while it is being deleted).
    /// </summary>
    public void Dispose()
    {
        try
        {
            _delayedSave.Dispose();
        }
        catch (AggregateException ex)
        {
            // The snapshot is only a speed-up for the next start.
            _logger.LogDebug(ex, "The catalog snapshot could not be written");
        }
    }

    /// <summary>Writes the current snapshot to disk now: the files it was made of and each space's pages with their parses.</summary>
    internal void Save()
    {
        ContentSnapshot snapshot;
        List<GitChange> files;
        List<KeptSpace> spaces;
        lock (_rebuild)
        {
            // Under the lock: a build meanwhile would forget the parses of the blobs it replaced.
            snapshot = _snapshot;
            if (snapshot.Commit is null || _snapshotFile is null)
            {
                return;
            }

            files = FilesOf(snapshot);
            // A space unchanged since the start is written back as the block it was read from, made or not.
            spaces = snapshot.PageSpaces.Select(s => s.Value.Kept ?? CatalogSnapshotFile.Encode(s.Key,
                s.Value.Pages.Values.Select(p => new KeptPage(p.Path.FilePath, p.BlobId, _parsed.GetOrAdd(p.BlobId, Parse))).ToList(), s.Value.PathHash)).ToList();
        }

        try
        {
            // The data folder may be gone (a removed test folder, an uninstall): do not make it again.
            if (Directory.Exists(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(_snapshotFile)))))
            {
                CatalogSnapshotFile.Write(_snapshotFile, snapshot.Commit, files, spaces);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a speed-up for the next start.
            _logger.LogDebug(ex, "The catalog snapshot could not be written");
        }
    }

    /// <summary>The files besides pages a snapshot was made of, as a full build would list them (a deleted task's file by its path only).</summary>
    private List<GitChange> FilesOf(ContentSnapshot snapshot)
    {
        var files = new List<GitChange>(64);
        files.AddRange(snapshot.SpaceFiles.Select(f => new GitChange($"{f.Key}/{SpaceMetadata.FileName}", f.Value)));
        files.AddRange(snapshot.TaskFiles.Values.SelectMany(byPath => byPath).Select(t => new GitChange(t.Key, t.Value.BlobId)));
        files.AddRange(snapshot.TaskNumbers.Values.SelectMany(numbers => numbers)
            .Where(n => n.Path.Length > 0 && RoleOf(n.Path).Kind == FileKind.DeletedTask)
            .Select(n => new GitChange(n.Path, "")));
        files.AddRange(snapshot.Documents.Values.SelectMany(byPath => byPath.Values).Select(d => new GitChange(d.Path, d.BlobId)));
        return files;
    }

    private static int Number(string taskKey) =>
        int.Parse(taskKey[(taskKey.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private IReadOnlyList<GitChange>? ChangesOrNull(string from, string to)
    {
        try
        {
            return _repository.Changes(from, to);
        }
        catch (RevisionNotFoundException)
        {
            // The listed commit is gone (history rewritten from outside): list the tree instead.
            return null;
        }
    }

    private enum FileKind
    {
        Other,
        Page,
        SpaceMetadata,
        Task,
        DeletedTask,
        Document,
    }

    private readonly record struct FileRole(FileKind Kind, string Space = "", string TaskKey = "", PagePath Page = default);

    /// <summary>What a path is, remembered: the path alone decides, and parsing thousands of paths per commit adds up.</summary>
    private FileRole RoleOf(string filePath)
    {
        if (_roles.TryGetValue(filePath, out var known))
        {
            return known;
        }

        if (_roles.Count > 200_000)
        {
            _roles.Clear();
        }

        return _roles[filePath] = Classify(filePath);
    }

    private static FileRole Classify(string filePath)
    {
        if (PagePath.FromFilePath(filePath) is { } page)
        {
            return new FileRole(FileKind.Page, page.Space, Page: page);
        }

        var parts = filePath.Split('/');
        if (parts is [var key, SpaceMetadata.FileName] && Slug.IsSlug(key))
        {
            return new FileRole(FileKind.SpaceMetadata, key);
        }

        if (Tasks.TaskKey.FromFilePath(filePath) is { } task)
        {
            return new FileRole(FileKind.Task, task.Space, task.Key);
        }

        if (parts is [var deletedSpace, "_tasks", "_deleted", var deletedFile]
            && deletedFile.EndsWith(".md", StringComparison.Ordinal) && Tasks.TaskKey.Normalise(deletedFile[..^3]) is { } deletedKey)
        {
            return new FileRole(FileKind.DeletedTask, deletedSpace, deletedKey);
        }

        return parts is [var docSpace, Documents.DocumentStore.Folder, _] && Slug.IsSlug(docSpace)
            ? new FileRole(FileKind.Document, docSpace)
            : new FileRole(FileKind.Other);
    }

    /// <summary>The space from its settings file; a file that cannot be read is logged (once per version).</summary>
    private SpaceInfo ReadSpace(string key, string? blobId)
    {
        var bytes = blobId is null ? null : _repository.ReadBlob(blobId);
        // A settings file that is there but cannot be read fails closed (private), never open (internal).
        var space = blobId is not null && bytes is null ? SpaceMetadata.Missing(key)
            : SpaceMetadata.Parse(key, bytes is null ? null : Encoding.UTF8.GetString(bytes));
        if (space.SettingsProblem is { } problem && _warned.Add(blobId!))
        {
            _logger.LogWarning("{File} of space {Space} cannot be read ({Problem}); the space is private to its owners and admins until the file is repaired",
                SpaceMetadata.FileName, key, problem);
        }

        return space;
    }

    private ParsedPage Parse(string blobId)
    {
        var bytes = _repository.ReadBlob(blobId) ?? [];
        var (meta, body) = FrontMatter.Split(Encoding.UTF8.GetString(bytes));
        var heading = meta.Title is null ? PageTitles.FirstHeading(body) : null;
        return new ParsedPage(meta, heading);
    }
}
