using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using TeamWiki.Search;
using TeamWiki.Storage.Git;
using TeamWiki.Storage.Pages;

namespace TeamWiki.Web.Indexing;

/// <summary>
/// Keeps the search index in step with git. The index records the last commit it indexed; after a
/// commit (own or pushed) only the files changed since are re-indexed. When the index is empty, was
/// recreated, or names a commit git does not know, it is rebuilt from the tip with progress in the log.
/// </summary>
public sealed class IndexFeeder(
    IContentRepository repository,
    IPageStore pages,
    WikiSearchIndex index,
    PageDocuments documents,
    ILogger<IndexFeeder> logger) : BackgroundService
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the index has caught up with the repository after start.</summary>
    public Task CaughtUp => _caughtUp.Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        repository.HeadMoved += (_, _) => _signal.Writer.TryWrite(true);
        await Task.Yield();
        _signal.Writer.TryWrite(true);
        while (await _signal.Reader.WaitToReadAsync(stoppingToken))
        {
            _signal.Reader.TryRead(out _);
            try
            {
                CatchUp();
                _caughtUp.TrySetResult();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Indexing failed; retrying at the next commit");
            }
        }
    }

    /// <summary>Brings the index up to the tip of the branch.</summary>
    public void CatchUp()
    {
        var head = repository.Head;
        var indexed = index.IndexedCommit;
        if (head is null || head == indexed)
        {
            return;
        }

        if (indexed is null || index.NeedsRebuild || repository.FindCommit(indexed) is null)
        {
            Rebuild(head);
            return;
        }

        var changed = repository.ChangedPaths(indexed, head).Select(PagePath.FromFilePath).OfType<PagePath>().Distinct().ToList();
        var upserts = new List<SearchDocument>();
        var deletes = new List<string>();
        foreach (var path in changed)
        {
            if (pages.Get(path) is { } page)
            {
                upserts.Add(documents.From(page));
            }
            else
            {
                deletes.Add(PageDocuments.Id(path));
            }
        }

        index.Apply(upserts, deletes, head);
        logger.LogDebug("Indexed {Count} changed pages up to {Head}", changed.Count, head[..7]);
    }

    private void Rebuild(string head)
    {
        var watch = Stopwatch.StartNew();
        var files = repository.ListFiles(head)
            .Select(e => (Entry: e, Path: PagePath.FromFilePath(e.Path)))
            .Where(x => x.Path is not null)
            .ToList();
        logger.LogInformation("Rebuilding the search index from git: {Count} pages", files.Count);
        var lastChanges = repository.LastChanges(files.Select(f => f.Entry.Path).ToList());
        var count = index.Replace(files, f =>
        {
            var path = f.Path!.Value;
            var text = Encoding.UTF8.GetString(repository.ReadBlob(f.Entry.BlobId) ?? []);
            var (meta, body) = FrontMatter.Split(text);
            var change = lastChanges.GetValueOrDefault(f.Entry.Path);
            return documents.From(path, PageTitles.Of(path, meta, body), body, meta, change?.AuthorName ?? "", change?.When ?? DateTimeOffset.UnixEpoch);
        }, head, done => logger.LogInformation("Search index rebuild: {Done}/{Total} pages", done, files.Count));
        logger.LogInformation("Search index rebuilt: {Count} pages in {Seconds:0.0} s", count, watch.Elapsed.TotalSeconds);
    }
}
