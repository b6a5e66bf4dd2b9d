using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Keeps <see cref="ContentSnapshot"/> in step with the branch. A rebuild takes the previous file list
/// and applies what changed since (a tree diff, which skips unchanged folders), or lists the whole tree
/// when there is no previous list or too much changed; it reads only blobs it has not parsed before: a
/// blob id names its content, so the parsed front matter of an unchanged page is reused.
/// </summary>
public sealed class ContentCatalog : IContentCatalog
{
    private readonly IContentRepository _repository;
    private readonly ParsedPageCache _cache;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string BlobId, string Key), Tasks.WikiTask> _tasks = new();
    private readonly Lock _rebuild = new();
    private volatile ContentSnapshot _snapshot = ContentSnapshot.Empty;
    private (string Commit, Dictionary<string, string> Files)? _listed;
    private readonly Dictionary<string, FileRole> _roles = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

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

        var entries = Files(head);
        var known = _cache.Entries.Count;
        var pages = new List<PageSummary>();
        var taskEntries = new List<(string Space, string Key, GitEntry Entry)>();
        var taskKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var highest = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = new List<GitEntry>();
        var spaceFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var spaceKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var role = RoleOf(entry.Path);
            switch (role.Kind)
            {
                case FileKind.Page:
                    var path = role.Page;
                    var parsed = _cache.Entries.GetOrAdd(entry.BlobId, Parse);
                    var title = parsed.Meta.Title ?? parsed.Heading ?? PageTitles.FromSlug(path.Name);
                    pages.Add(new PageSummary(path, title, parsed.Meta.Tags, parsed.Meta.Description, parsed.Meta.Language, entry.BlobId));
                    spaceKeys.Add(path.Space);
                    break;
                case FileKind.SpaceMetadata:
                    spaceFiles[role.Space] = entry.BlobId;
                    spaceKeys.Add(role.Space);
                    break;
                case FileKind.Task:
                    // A key in two files (one put there by hand): the first one found counts.
                    if (taskKeys.Add(role.TaskKey))
                    {
                        taskEntries.Add((role.Space, role.TaskKey, entry));
                    }

                    Count(highest, role.Space, role.TaskKey);
                    break;
                case FileKind.DeletedTask:
                    Count(highest, role.Space, role.TaskKey);
                    break;
                case FileKind.Document:
                    documents.Add(entry);
                    break;
            }
        }

        var spaces = spaceKeys.Select(key => ReadSpace(key, spaceFiles.GetValueOrDefault(key))).ToList();
        var firstStatus = spaces.ToDictionary(s => s.Key, s => s.FirstStatus, StringComparer.Ordinal);
        var tasks = taskEntries.Select(t => _tasks.GetOrAdd((t.Entry.BlobId, t.Key), _ =>
            Tasks.TaskFile.Parse(t.Space, t.Key, Encoding.UTF8.GetString(_repository.ReadBlob(t.Entry.BlobId) ?? []), firstStatus.GetValueOrDefault(t.Space, "todo")))
            with { BlobId = t.Entry.BlobId, FilePath = t.Entry.Path }).ToList();
        var liveTasks = taskEntries.Select(t => (t.Entry.BlobId, t.Key)).ToHashSet();
        foreach (var gone in _tasks.Keys.Where(k => !liveTasks.Contains(k)).ToList())
        {
            _tasks.TryRemove(gone, out _);
        }

        // Forget parses of blobs no page uses any more, and keep the rest for the next start.
        var live = pages.Select(p => p.BlobId).ToHashSet(StringComparer.Ordinal);
        var stale = _cache.Entries.Keys.Where(k => !live.Contains(k)).ToList();
        foreach (var blob in stale)
        {
            _cache.Entries.TryRemove(blob, out _);
        }

        if (_cache.Entries.Count != known || stale.Count > 0)
        {
            _ = Task.Run(SaveCache);
        }

        return new ContentSnapshot(head, pages, spaces, tasks, highest, documents);
    }

    /// <summary>The files at <paramref name="head"/>: the previous list plus the changes since, or the whole tree.</summary>
    private List<GitEntry> Files(string head)
    {
        const int MaxChanges = 5_000;
        Dictionary<string, string> files;
        if (_listed is { } listed && ChangesOrNull(listed.Commit, head) is { Count: <= MaxChanges } changes)
        {
            files = new Dictionary<string, string>(listed.Files, StringComparer.Ordinal);
            foreach (var change in changes)
            {
                if (change.BlobId is null)
                {
                    files.Remove(change.Path);
                }
                else
                {
                    files[change.Path] = change.BlobId;
                }
            }
        }
        else
        {
            files = _repository.ListFiles(head).ToDictionary(e => e.Path, e => e.BlobId, StringComparer.Ordinal);
        }

        _listed = (head, files);
        return files.Select(f => new GitEntry(f.Key, f.Value)).ToList();
    }

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

    private static void Count(Dictionary<string, int> highest, string space, string key)
    {
        var number = int.Parse(key[(key.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        highest[space] = Math.Max(highest.GetValueOrDefault(space), number);
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
