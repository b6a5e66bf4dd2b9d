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
/// the wiki. Only without a previous snapshot (the first one, or after history was rewritten from
/// outside) is the whole tree listed. It reads only blobs it has not parsed before: a blob id names its
/// content, so the parsed front matter of an unchanged page is reused, also across restarts.
/// </summary>
public sealed class ContentCatalog : IContentCatalog
{
    /// <summary>How long the parsed front matter may wait before it is written to disk: at most once per this, not once per commit.</summary>
    private static readonly TimeSpan CacheSaveDelay = TimeSpan.FromSeconds(5);

    private readonly IContentRepository _repository;
    private readonly ParsedPageCache _cache;
    private readonly Lock _rebuild = new();
    private volatile ContentSnapshot _snapshot = ContentSnapshot.Empty;
    private readonly Dictionary<string, FileRole> _roles = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    // How many pages use each parsed blob: a parse no page uses any more is forgotten, without a sweep of all of them.
    private readonly Dictionary<string, int> _blobUses = new(StringComparer.Ordinal);
    private int _saveScheduled;

    // Settings files already warned about, by blob id: each broken version is logged once, not on every commit.
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    /// <summary>Creates the catalog over a repository.</summary>
    /// <param name="repository">The content.</param>
    /// <param name="cacheFile">Where parsed front matter is kept between runs (null: only in memory).</param>
    /// <param name="logger">Warns about <c>_space.yml</c> files that cannot be read.</param>
    public ContentCatalog(GitContentRepository repository, string? cacheFile = null, ILogger<ContentCatalog>? logger = null)
    {
        _repository = repository;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _cache = new ParsedPageCache(cacheFile);
        _cache.Load();
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
                head = _repository.Head;
                if (_snapshot.Commit != head)
                {
                    _snapshot = Build(head);
                }

                return _snapshot;
            }
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
        if (full)
        {
            changes = _repository.ListFiles(head).Select(e => new GitChange(e.Path, e.BlobId)).ToList();
            _blobUses.Clear();
        }

        var known = _cache.Entries.Count;
        var forgotten = 0;
        var builder = new SnapshotBuilder(full ? ContentSnapshot.Empty : previous);
        var newTasks = new List<(FileRole Role, GitEntry Entry)>();
        foreach (var change in changes!)
        {
            var role = RoleOf(change.Path);
            switch (role.Kind)
            {
                case FileKind.Page:
                    if (builder.PageAt(role.Page.Value) is { } old && Release(old.BlobId))
                    {
                        forgotten++;
                    }

                    if (change.BlobId is not { } blob)
                    {
                        builder.RemovePage(role.Page);
                        break;
                    }

                    var parsed = _cache.Entries.GetOrAdd(blob, Parse);
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
            // Forget parses of blobs no page uses (a cache file from an older tree); from here on, releases keep it tidy.
            foreach (var stale in _cache.Entries.Keys.Where(k => !_blobUses.ContainsKey(k)).ToList())
            {
                _cache.Entries.TryRemove(stale, out _);
                forgotten++;
            }
        }

        if (_cache.Entries.Count != known || forgotten > 0)
        {
            ScheduleCacheSave();
        }

        return builder.ToSnapshot(head);
    }

    /// <summary>One page fewer uses <paramref name="blobId"/>; true when none does any more and its parse was forgotten.</summary>
    private bool Release(string blobId)
    {
        var uses = _blobUses.GetValueOrDefault(blobId) - 1;
        if (uses > 0)
        {
            _blobUses[blobId] = uses;
            return false;
        }

        _blobUses.Remove(blobId);
        return _cache.Entries.TryRemove(blobId, out _);
    }

    /// <summary>Writing the cache is a full rewrite of it: do it once after a burst of commits, not per commit.</summary>
    private void ScheduleCacheSave()
    {
        if (Interlocked.Exchange(ref _saveScheduled, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(CacheSaveDelay);
            Volatile.Write(ref _saveScheduled, 0);
            SaveCache();
        });
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
        var text = blobId is not null && _repository.ReadBlob(blobId) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        var space = SpaceMetadata.Parse(key, text);
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

    private void SaveCache()
    {
        try
        {
            _cache.Save();
        }
        catch (IOException)
        {
            // Only a speed-up for the next start.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
