using System.Text;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Storage.Pages;

/// <summary>
/// Keeps <see cref="ContentSnapshot"/> in step with the branch. A rebuild lists the tree (cheap) and
/// reads only blobs it has not parsed before: a blob id names its content, so the parsed front matter
/// of an unchanged page is reused.
/// </summary>
public sealed class ContentCatalog : IContentCatalog
{
    private readonly IContentRepository _repository;
    private readonly ParsedPageCache _cache;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string BlobId, string Key), Tasks.WikiTask> _tasks = new();
    private readonly Lock _rebuild = new();
    private volatile ContentSnapshot _snapshot = ContentSnapshot.Empty;

    /// <summary>Creates the catalog over a repository.</summary>
    /// <param name="repository">The content.</param>
    /// <param name="cacheFile">Where parsed front matter is kept between runs (null: only in memory).</param>
    public ContentCatalog(IContentRepository repository, string? cacheFile = null)
    {
        _repository = repository;
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

        var entries = _repository.ListFiles(head);
        var known = _cache.Entries.Count;
        var pages = new List<PageSummary>();
        var taskEntries = new List<(string Space, string Key, GitEntry Entry)>();
        var highest = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = new List<GitEntry>();
        var spaceFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var spaceKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (PagePath.FromFilePath(entry.Path) is { } path)
            {
                var parsed = _cache.Entries.GetOrAdd(entry.BlobId, Parse);
                var title = parsed.Meta.Title ?? parsed.Heading ?? PageTitles.FromSlug(path.Name);
                pages.Add(new PageSummary(path, title, parsed.Meta.Tags, parsed.Meta.Description, parsed.Meta.Language, entry.BlobId));
                spaceKeys.Add(path.Space);
            }
            else if (entry.Path.Split('/') is [var key, SpaceMetadata.FileName] && Slug.IsSlug(key))
            {
                spaceFiles[key] = entry.BlobId;
                spaceKeys.Add(key);
            }
            else if (Tasks.TaskKey.FromFilePath(entry.Path) is { } task)
            {
                taskEntries.Add((task.Space, task.Key, entry));
                Count(highest, task.Space, task.Key);
            }
            else if (entry.Path.Split('/') is [var deletedSpace, "_tasks", "_deleted", var deletedFile]
                     && deletedFile.EndsWith(".md", StringComparison.Ordinal) && Tasks.TaskKey.Normalise(deletedFile[..^3]) is { } deletedKey)
            {
                Count(highest, deletedSpace, deletedKey);
            }
            else if (entry.Path.Split('/') is [var docSpace, Documents.DocumentStore.Folder, _] && Slug.IsSlug(docSpace))
            {
                documents.Add(entry);
            }
        }

        var spaces = spaceKeys.Select(key => SpaceMetadata.Parse(key,
            spaceFiles.TryGetValue(key, out var blob) && _repository.ReadBlob(blob) is { } bytes ? Encoding.UTF8.GetString(bytes) : null)).ToList();
        var firstStatus = spaces.ToDictionary(s => s.Key, s => s.FirstStatus, StringComparer.Ordinal);
        var tasks = taskEntries.Select(t => _tasks.GetOrAdd((t.Entry.BlobId, t.Key), _ =>
            Tasks.TaskFile.Parse(t.Space, t.Key, Encoding.UTF8.GetString(_repository.ReadBlob(t.Entry.BlobId) ?? []), firstStatus.GetValueOrDefault(t.Space, "todo")))
            with { BlobId = t.Entry.BlobId }).ToList();
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

    private static void Count(Dictionary<string, int> highest, string space, string key)
    {
        var number = int.Parse(key[(key.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        highest[space] = Math.Max(highest.GetValueOrDefault(space), number);
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
