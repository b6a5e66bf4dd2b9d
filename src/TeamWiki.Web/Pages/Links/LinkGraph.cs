using TeamWiki.Storage;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Pages.Links;

/// <summary>
/// Which pages write a wiki link to what: for every page, the link targets as its author wrote them
/// (<c>[[Vergaderingen]]</c>, <c>[[handboek/welkom]]</c>), and an index from the pages each target could
/// name to the pages that wrote it. Derived from git and kept in memory: built once from the catalog (or,
/// after a restart, read from <c>cache/links.bin</c>, see <see cref="LinkGraphFile"/>: reading and parsing
/// every page is not on the first page view's path), then kept current from the change feed (only the pages a commit added, changed, moved or deleted are
/// read again). Every question first catches up to the tip of the branch, so a save that adds or
/// removes a link shows on the target's very next view, and a page view kept for a commit (the page
/// view cache keys on the tip) never holds backlinks of an older one.
/// </summary>
/// <remarks>
/// The graph holds candidates, not answers: where a title link leads depends on the pages that exist
/// now and on what the reader may read, so <see cref="Backlinks"/> resolves each candidate's links again
/// with the reader's own resolver, exactly as the linking page's view would.
/// </remarks>
public sealed class LinkGraph : IDisposable
{
    private const int BatchSize = 500;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<string>> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sourcesByKey = new(StringComparer.Ordinal);
    private readonly IChangeFeed feed;
    private readonly IContentCatalog catalog;
    private readonly IContentFiles files;
    private readonly MarkdownRenderer renderer;
    private readonly ILogger logger;
    private readonly KeptLinkGraph? _kept;
    private string? _position;
    private bool _triedKept;

    /// <summary>The graph of the wiki in <paramref name="folder"/>, kept between runs in its <c>cache/links.bin</c>.</summary>
    public LinkGraph(IChangeFeed feed, IContentCatalog catalog, IContentFiles files, MarkdownRenderer renderer, ILogger<LinkGraph> logger, DataFolder folder)
        : this(feed, catalog, files, renderer, logger, Path.Combine(folder.Root, "cache", "links.bin"))
    {
    }

    /// <summary>A graph kept in <paramref name="keptFile"/> between runs (null: only in memory).</summary>
    internal LinkGraph(IChangeFeed feed, IContentCatalog catalog, IContentFiles files, MarkdownRenderer renderer, ILogger logger, string? keptFile)
    {
        (this.feed, this.catalog, this.files, this.renderer, this.logger) = (feed, catalog, files, renderer, logger);
        _kept = keptFile is null ? null : new KeptLinkGraph(keptFile, logger);
    }

    /// <summary>The commit of the kept file this graph started from (null: built from the catalog, or not yet asked).</summary>
    internal string? StartedFrom { get; private set; }

    /// <summary>
    /// The pages whose links could lead to <paramref name="target"/> (its path, its title, or its slug in
    /// their own space), with the link targets each wrote; the caller decides which really do.
    /// </summary>
    public IReadOnlyList<(PagePath Source, IReadOnlyList<string> Targets)> Candidates(PagePath target, string title)
    {
        lock (_gate)
        {
            CatchUp();
            var sources = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in new[] { target.Value, TitleKey(title) })
            {
                if (_sourcesByKey.TryGetValue(key, out var found))
                {
                    sources.UnionWith(found);
                }
            }

            sources.Remove(target.Value);
            return sources.Order(StringComparer.Ordinal)
                .Select(s => (PagePath.Parse(s), _targets[s]))
                .ToList();
        }
    }

    /// <summary>
    /// The pages whose links could lead to <paramref name="page"/> or a page below it: what a move of it
    /// needs to read, instead of every page the mover may change.
    /// </summary>
    public IReadOnlySet<PagePath> CandidatesUnder(PagePath page, ContentSnapshot snapshot) =>
        snapshot.Pages.Where(p => p.Path == page || p.Path.Value.StartsWith(page.Value + "/", StringComparison.Ordinal))
            .SelectMany(p => Candidates(p.Path, p.Title)).Select(c => c.Source).ToHashSet();

    /// <summary>Brings the graph to the tip now (at start, once it is quiet, so the first page view does not build it).</summary>
    public void CatchUpNow()
    {
        lock (_gate)
        {
            CatchUp();
        }
    }

    /// <summary>The commit the graph reflects (tests and health); null before the first question.</summary>
    public string? Position
    {
        get
        {
            lock (_gate)
            {
                return _position;
            }
        }
    }

    private void CatchUp()
    {
        try
        {
            CatchUpOrThrow();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Backlinks are a list under the page: a failure here must not take the page view with it.
            // Built again from the catalog at the next question.
            logger.LogWarning(ex, "The link graph could not catch up; it is built again at the next question");
            _position = null;
            _targets.Clear();
            _sourcesByKey.Clear();
        }
    }

    private void CatchUpOrThrow()
    {
        var head = feed.Head;
        if (head is null || head == _position)
        {
            return;
        }

        if (_position is null && !_triedKept)
        {
            _triedKept = true;
            StartFromKept();
        }

        var (full, moved) = (false, false);
        if (_position is null || !feed.Contains(_position))
        {
            Rebuild();
            full = true;
        }

        while (_position != feed.Head)
        {
            var commits = feed.After(_position, BatchSize);
            if (commits.Count == 0)
            {
                break;
            }

            foreach (var change in commits.SelectMany(c => c.Changes))
            {
                Apply(change);
            }

            _position = commits[^1].Commit;
            moved = true;
        }

        if (full || moved)
        {
            _kept?.ScheduleSave(full, TakeCopy);
        }
    }

    /// <summary>Starts from the graph kept on disk, when its commit is still on the branch (the feed brings it to the tip).</summary>
    private void StartFromKept()
    {
        if (_kept?.Read() is not { } kept || !feed.Contains(kept.Commit))
        {
            return;
        }

        foreach (var (source, targets) in kept.Targets)
        {
            if (PagePath.TryParse(source, out var path))
            {
                Index(path, targets);
            }
        }

        _position = StartedFrom = kept.Commit;
    }

    /// <summary>What a save writes, taken under the lock (the targets' lists are never changed, only replaced).</summary>
    private (string Commit, List<KeyValuePair<string, IReadOnlyList<string>>> Targets)? TakeCopy()
    {
        lock (_gate)
        {
            return _position is null ? null : (_position, _targets.ToList());
        }
    }

    /// <summary>Writes the graph to its kept file now (tests).</summary>
    internal void SaveNow() => _kept?.Save(TakeCopy);

    /// <summary>Stops a save still waiting and waits for one under way (nothing written into a data folder being removed).</summary>
    public void Dispose() => _kept?.Dispose();

    /// <summary>From the catalog's snapshot, page by page: a first start reads each page once, not every commit.</summary>
    private void Rebuild()
    {
        var snapshot = catalog.Current;
        _targets.Clear();
        _sourcesByKey.Clear();
        foreach (var page in snapshot.Pages)
        {
            Put(page.Path, page.BlobId);
        }

        _position = snapshot.Commit;
        logger.LogDebug("Link graph built from {Pages} pages at {Commit}", _targets.Count, _position);
    }

    private void Apply(ContentChange change)
    {
        if (change.ItemBefore.Kind == ItemKind.Page && change.Kind is ChangeKind.Deleted or ChangeKind.Moved)
        {
            Remove(change.ItemBefore.Id);
        }

        if (change.Item.Kind == ItemKind.Page && change.Kind != ChangeKind.Deleted && change.BlobAfter is { } blob
            && PagePath.TryParse(change.Item.Id, out var path))
        {
            Put(path, blob);
        }
    }

    private void Put(PagePath path, string blobId)
    {
        Remove(path.Value);
        if (files.ReadBlob(blobId) is not { } bytes)
        {
            return;
        }

        var (_, body) = FrontMatter.Split(System.Text.Encoding.UTF8.GetString(bytes));
        Index(path, renderer.WikiLinkTargets(body));
    }

    private void Index(PagePath path, IReadOnlyList<string> targets)
    {
        if (targets.Count == 0)
        {
            return;
        }

        _targets[path.Value] = targets;
        foreach (var key in targets.SelectMany(t => KeysOf(t, path.Space)))
        {
            if (!_sourcesByKey.TryGetValue(key, out var sources))
            {
                _sourcesByKey[key] = sources = new HashSet<string>(StringComparer.Ordinal);
            }

            sources.Add(path.Value);
        }
    }

    private void Remove(string source)
    {
        if (!_targets.Remove(source, out var targets))
        {
            return;
        }

        var space = PagePath.Parse(source).Space;
        foreach (var key in targets.SelectMany(t => KeysOf(t, space)))
        {
            if (_sourcesByKey.TryGetValue(key, out var sources) && sources.Remove(source) && sources.Count == 0)
            {
                _sourcesByKey.Remove(key);
            }
        }
    }

    /// <summary>
    /// Every page a written target could name, as <see cref="CatalogLinkResolver"/> looks: a path names
    /// itself; anything else is a title, or the page of that slug in the linking page's space.
    /// </summary>
    private static IEnumerable<string> KeysOf(string target, string space)
    {
        if (target.Contains('/') && PagePath.TryParse(target, out var path))
        {
            yield return path.Value;
            yield break;
        }

        yield return TitleKey(target);
        if (Slug.From(target) is { Length: > 0 } slug && PagePath.TryParse(space + "/" + slug, out var guessed))
        {
            yield return guessed.Value;
        }
    }

    // Titles match ignoring case, as the catalog's title lookup does; the prefix keeps them apart from paths.
    private static string TitleKey(string title) => "title:" + title.Trim().ToUpperInvariant();
}
