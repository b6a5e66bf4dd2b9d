using System.Diagnostics;
using System.Text;
using TeamWiki.Search;
using TeamWiki.Storage.Documents;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Tasks;

namespace TeamWiki.Web.Indexing;

/// <summary>
/// Keeps the search index in step with git. The index records the last commit it indexed; after a
/// commit (own or pushed) only the files changed since are re-indexed: pages, tasks and documents. When
/// the index is empty, was recreated, has another schema, or names a commit git does not know, it is
/// rebuilt from the tip with progress in the log. One item that cannot be mapped (a damaged or
/// oversized document) is indexed as far as it could be read and never stops the rest; how the feed is
/// doing is kept in <see cref="IndexerStatus"/> for <c>/health</c>.
/// </summary>
public sealed class IndexFeeder(
    IContentRepository repository,
    IContentCatalog catalog,
    WikiSearchIndex index,
    PageDocuments documents,
    DocumentText text,
    IndexerStatus status,
    ILogger<IndexFeeder> logger) : Hosting.CommitFollower(repository, logger)
{
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the index has caught up with the repository after start.</summary>
    public Task CaughtUp => _caughtUp.Task;

    /// <inheritdoc />
    protected override string Work => "Indexing";

    /// <inheritdoc />
    protected override Task FollowAsync(CancellationToken ct)
    {
        if (Repository.Head is { } head && head != index.IndexedCommit)
        {
            status.Behind();
        }

        CatchUp();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override void OnCaughtUp()
    {
        status.Succeeded();
        _caughtUp.TrySetResult();
    }

    /// <inheritdoc />
    protected override void OnFailed(Exception error) => status.Failed(error);

    /// <summary>Brings the index up to the tip of the branch.</summary>
    public void CatchUp()
    {
        var head = Repository.Head;
        var indexed = index.IndexedCommit;
        if (head is null || head == indexed)
        {
            return;
        }

        if (indexed is null || index.NeedsRebuild || Repository.FindCommit(indexed) is null)
        {
            Rebuild(head);
            return;
        }

        var changed = Repository.ChangedPaths(indexed, head).Select(Item).OfType<Indexed>().Distinct().ToList();
        var changes = Repository.LastChanges(changed.Select(c => c.File).ToList());
        var upserts = new List<SearchDocument>();
        var deletes = new List<string>();
        foreach (var item in changed)
        {
            var blob = Repository.BlobIdOf(item.File, head);
            if (blob is not null && Map(item, blob, changes.GetValueOrDefault(item.File)) is { } doc)
            {
                upserts.Add(doc);
            }
            else
            {
                deletes.Add(SearchDocument.Key(item.Kind, item.Id));
            }
        }

        index.Apply(upserts, deletes, head);
        logger.LogDebug("Indexed {Count} changed files up to {Head}", changed.Count, head[..7]);
    }

    private void Rebuild(string head)
    {
        var watch = Stopwatch.StartNew();
        var items = Repository.ListFiles(head).Select(e => (Item: Item(e.Path), e.BlobId)).Where(x => x.Item is not null).ToList();
        logger.LogInformation("Rebuilding the search index from git: {Count} pages, tasks and documents", items.Count);
        var changes = Repository.LastChanges(items.Select(i => i.Item!.File).ToList());
        var count = index.Replace(items, x => Map(x.Item!, x.BlobId, changes.GetValueOrDefault(x.Item!.File)), head,
            done => logger.LogInformation("Search index rebuild: {Done}/{Total}", done, items.Count));
        logger.LogInformation("Search index rebuilt: {Count} items in {Seconds:0.0} s", count, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The index record of one item; an item that fails is logged and kept out of the way of the others.</summary>
    private SearchDocument? Map(Indexed item, string blobId, GitCommitInfo? change)
    {
        try
        {
            return MapItem(item, blobId, change);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not index {Kind} {Id}; indexing the rest", item.Kind, item.Id);
            status.DocumentLimited(item.Id, ex.Message, failed: true);
            // A document stays findable by its name; a page or task that cannot be read is left out.
            return item.Kind == PageDocuments.DocumentKind && DocumentStore.ParseId(item.Id) is { } document
                ? documents.FromDocument(item.Id, document.Space, document.Name, "", change?.AuthorName ?? "", change?.When ?? DateTimeOffset.UnixEpoch)
                : null;
        }
    }

    private SearchDocument? MapItem(Indexed item, string blobId, GitCommitInfo? change)
    {
        var author = change?.AuthorName ?? "";
        var updated = change?.When ?? DateTimeOffset.UnixEpoch;
        switch (item.Kind)
        {
            case PageDocuments.Kind:
                var path = PagePath.FromFilePath(item.File)!.Value;
                var (meta, body) = FrontMatter.Split(Encoding.UTF8.GetString(Repository.ReadBlob(blobId) ?? []));
                return documents.From(path, PageTitles.Of(path, meta, body), body, meta, author, updated);
            case PageDocuments.TaskKind:
                var task = catalog.Current.FindTask(item.Id);
                return task is null ? null : documents.FromTask(task, author, updated);
            default:
                var (space, name) = DocumentStore.ParseId(item.Id)!.Value;
                var extracted = text.Read(name, Repository.ReadBlob(blobId) ?? []);
                if (extracted.Truncated is { } limit)
                {
                    status.DocumentLimited(item.Id, limit, failed: false);
                }

                return documents.FromDocument(item.Id, space, name, extracted.Text, author, updated);
        }
    }

    /// <summary>What a repository file is for the index: a page, a task or a document; null for anything else.</summary>
    private static Indexed? Item(string file)
    {
        if (PagePath.FromFilePath(file) is { } page)
        {
            return new Indexed(PageDocuments.Kind, page.Value, file);
        }

        if (TaskKey.FromFilePath(file) is { } task)
        {
            return new Indexed(PageDocuments.TaskKind, task.Key, file);
        }

        return file.Split('/') is [var space, DocumentStore.Folder, var name] && DocumentStore.ParseId(DocumentStore.Id(space, name)) is not null
            ? new Indexed(PageDocuments.DocumentKind, DocumentStore.Id(space, name), file)
            : null;
    }

    private sealed record Indexed(string Kind, string Id, string File);
}
