using System.Diagnostics;
using System.Text;
using TeamWiki.Search;
using TeamWiki.Storage.Changes;
using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Search.Indexing;

/// <summary>
/// Keeps the search index in step with git, as a consumer of the change feed. The index records the last
/// commit it indexed; after a commit (own or pushed) the items the feed says changed since are
/// re-indexed, moved ones under their new id. When the index is empty, was recreated, has another schema,
/// or names a commit that is not on the branch, it is rebuilt from the tip with progress in the log. One
/// item that cannot be mapped (a damaged or oversized document) is indexed as far as it could be read and
/// never stops the rest; how the feed is doing is kept in <see cref="IndexerStatus"/> for <c>/health</c>.
/// </summary>
public sealed class IndexFeeder(
    IChangeFeed feed,
    IContentFiles repository,
    HistoryIndex history,
    IContentCatalog catalog,
    WikiSearchIndex index,
    PageDocuments documents,
    DocumentText text,
    IndexerStatus status,
    IEnumerable<IRebuildSource> sources,
    ILogger<IndexFeeder> logger) : Hosting.ChangeFollower(feed, logger)
{
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the index has caught up with the repository after start.</summary>
    public Task CaughtUp => _caughtUp.Task;

    /// <inheritdoc />
    protected override string Work => "Indexing";

    /// <inheritdoc />
    protected override bool NeedsStartOver => index.NeedsRebuild;

    /// <inheritdoc />
    protected override void OnCaughtUp()
    {
        status.Succeeded();
        _caughtUp.TrySetResult();
    }

    /// <inheritdoc />
    protected override void OnFailed(Exception error) => status.Failed(error);

    /// <inheritdoc />
    protected override Task<string?> PositionAsync(CancellationToken ct)
    {
        if (Feed.Head is { } head && head != index.IndexedCommit)
        {
            status.Behind();
        }

        return Task.FromResult(index.IndexedCommit);
    }

    /// <inheritdoc />
    protected override async Task<string?> StartOverAsync(string head, CancellationToken ct)
    {
        // Reading the tip once is cheaper than replaying every commit. Posts, comments and people are not
        // in git; they are read from the database and go into the same commit, so a rebuild holds them all.
        var said = new List<SearchDocument>();
        foreach (var source in sources)
        {
            said.AddRange(await source.AllAsync(ct));
        }

        Rebuild(head, said);
        return head;
    }

    /// <inheritdoc />
    protected override async Task HandleAsync(IReadOnlyList<CommitChanges> commits, string position, bool first, CancellationToken ct)
    {
        // The last change of each item in the batch says who changed it when; what it holds now is read
        // at the batch's last commit (a merge may have settled it without changing it again).
        var latest = new Dictionary<ItemRef, ContentChange>();
        var deletes = new HashSet<string>();
        foreach (var change in commits.SelectMany(c => c.Changes).Where(c => c.Item.Kind != ItemKind.Space))
        {
            if (change.Kind == ChangeKind.Moved)
            {
                latest.Remove(change.ItemBefore);
                deletes.Add(Key(change.ItemBefore));
            }

            latest[change.Item] = change;
        }

        var upserts = new List<SearchDocument>();
        foreach (var (item, change) in latest)
        {
            // A change in the batch's last commit names the blob it left; older ones are looked up at the tip.
            var blob = change.PathAfter is null ? null
                : change.Commit == position && change.BlobAfter is { } after ? after
                : repository.BlobIdOf(change.PathAfter, position);
            if (blob is not null && Map(item, change.PathAfter!, blob, change.Author, change.When) is { } doc)
            {
                upserts.Add(doc);
                deletes.Remove(Key(item));
            }
            else
            {
                deletes.Add(Key(item));
            }
        }

        index.Apply(upserts, deletes, position);
        logger.LogDebug("Indexed {Count} changed items up to {Head}", latest.Count, position[..7]);
        var touched = latest.Values.SelectMany(c => new[] { c.Item, c.ItemBefore }).Select(i => i.ToString()).ToHashSet();
        foreach (var source in sources)
        {
            await source.ItemsChangedAsync(touched, ct);
        }
    }

    private static string Key(ItemRef item) => SearchDocument.Key(item.Kind.Name(), item.Id);

    private void Rebuild(string head, IReadOnlyList<SearchDocument> said)
    {
        var watch = Stopwatch.StartNew();
        var items = repository.ListFiles(head).Select(e => (Item: ContentPaths.Classify(e.Path), e.Path, e.BlobId)).Where(x => x.Item is { Kind: not ItemKind.Space }).ToList();
        logger.LogInformation("Rebuilding the search index from git: {Count} pages, tasks and documents, and {Said} posts, comments and people", items.Count, said.Count);
        var changes = history.LastChanges(items.Select(i => i.Path).ToList());
        var jobs = items.Select(x => (Func<SearchDocument?>)(() => Map(x.Item!.Value, x.Path, x.BlobId, changes.GetValueOrDefault(x.Path)?.AuthorName ?? "", changes.GetValueOrDefault(x.Path)?.When ?? DateTimeOffset.UnixEpoch)))
            .Concat(said.Select(d => (Func<SearchDocument?>)(() => d))).ToList();
        var count = index.Replace(jobs, job => job(), head,
            done => logger.LogInformation("Search index rebuild: {Done}/{Total}", done, jobs.Count));
        logger.LogInformation("Search index rebuilt: {Count} items in {Seconds:0.0} s", count, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The index record of one item; an item that fails is logged and kept out of the way of the others.</summary>
    private SearchDocument? Map(ItemRef item, string file, string blobId, string author, DateTimeOffset updated)
    {
        try
        {
            return MapItem(item, file, blobId, author, updated);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not index {Item}; indexing the rest", item);
            status.DocumentLimited(item.Id, ex.Message, failed: true);
            // A document stays findable by its name; a page or task that cannot be read is left out.
            return item.Kind == ItemKind.Document && DocumentStore.ParseId(item.Id) is { } document
                ? documents.FromDocument(item.Id, document.Space, document.Name, "", author, updated)
                : null;
        }
    }

    private SearchDocument? MapItem(ItemRef item, string file, string blobId, string author, DateTimeOffset updated)
    {
        switch (item.Kind)
        {
            case ItemKind.Page:
                var path = PagePath.FromFilePath(file)!.Value;
                var (meta, body) = FrontMatter.Split(Encoding.UTF8.GetString(repository.ReadBlob(blobId) ?? []));
                return documents.From(path, PageTitles.Of(path, meta, body), body, meta, author, updated);
            case ItemKind.Task:
                var task = catalog.Current.FindTask(item.Id);
                return task is null ? null : documents.FromTask(task, author, updated);
            case ItemKind.Document:
                var (space, name) = DocumentStore.ParseId(item.Id)!.Value;
                var extracted = text.Read(name, repository.ReadBlob(blobId) ?? []);
                if (extracted.Truncated is { } limit)
                {
                    status.DocumentLimited(item.Id, limit, failed: false);
                }

                return documents.FromDocument(item.Id, space, name, extracted.Text, author, updated);
            default:
                // Spaces are not search hits.
                return null;
        }
    }
}
