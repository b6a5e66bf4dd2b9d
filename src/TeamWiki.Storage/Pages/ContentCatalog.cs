using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<string, ParsedPage> _parsed = new(StringComparer.Ordinal);
    private readonly Lock _rebuild = new();
    private volatile ContentSnapshot _snapshot = ContentSnapshot.Empty;

    /// <summary>Creates the catalog over a repository.</summary>
    public ContentCatalog(IContentRepository repository) => _repository = repository;

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
        var pages = new List<PageSummary>();
        var spaceFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        var spaceKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (PagePath.FromFilePath(entry.Path) is { } path)
            {
                var parsed = _parsed.GetOrAdd(entry.BlobId, Parse);
                var title = parsed.Meta.Title ?? parsed.Heading ?? PageTitles.FromSlug(path.Name);
                pages.Add(new PageSummary(path, title, parsed.Meta.Tags, parsed.Meta.Description, parsed.Meta.Language, entry.BlobId));
                spaceKeys.Add(path.Space);
            }
            else if (entry.Path.Split('/') is [var key, SpaceMetadata.FileName] && Slug.IsSlug(key))
            {
                spaceFiles[key] = entry.BlobId;
                spaceKeys.Add(key);
            }
        }

        var spaces = spaceKeys.Select(key => SpaceMetadata.Parse(key,
            spaceFiles.TryGetValue(key, out var blob) && _repository.ReadBlob(blob) is { } bytes ? Encoding.UTF8.GetString(bytes) : null));

        // Forget parses of blobs no page uses any more.
        var live = pages.Select(p => p.BlobId).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _parsed.Keys.Where(k => !live.Contains(k)).ToList())
        {
            _parsed.TryRemove(stale, out _);
        }

        return new ContentSnapshot(head, pages, spaces);
    }

    private ParsedPage Parse(string blobId)
    {
        var bytes = _repository.ReadBlob(blobId) ?? [];
        var (meta, body) = FrontMatter.Split(Encoding.UTF8.GetString(bytes));
        var heading = meta.Title is null ? PageTitles.FirstHeading(body) : null;
        return new ParsedPage(meta, heading);
    }

    private sealed record ParsedPage(FrontMatter Meta, string? Heading);
}
