using Microsoft.EntityFrameworkCore;
using TeamWiki.Search;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Items;
using TeamWiki.Web.Search.Indexing;

namespace TeamWiki.Web.Search.Said;

/// <summary>
/// Keeps posts, comments and people in the search index. Posts and comments live in the database, not
/// in git, so the change feed never sees them: <c>Discussions</c> and <c>Comments</c> tell this class
/// after each save, and a change to anyone's account or profile reaches it through
/// <see cref="PeopleDirectory.Changed"/>. Indexing is part of the save but never fails it: a failure is
/// logged and the next rebuild (<see cref="AllAsync"/>, read by <see cref="IndexFeeder"/>) repairs it.
/// </summary>
public sealed class SaidIndexer(
    IDbContextFactory<TeamWikiDbContext> contexts,
    IContentCatalog catalog,
    PeopleDirectory people,
    WikiSearchIndex index,
    SaidDocuments documents,
    ILogger<SaidIndexer> logger) : IHostedService, IRebuildSource
{
    // One re-read and write at a time: two saves of one post must not land in the index in the wrong order.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _chain = new();
    private Task _peopleSync = Task.CompletedTask;

    /// <inheritdoc />
    public async Task<IReadOnlyList<SearchDocument>> AllAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var byId = await people.ByIdsAsync();
        var snapshot = catalog.Current;
        var posts = await db.Posts.AsNoTracking().Where(p => p.DeletedAt == null).Include(p => p.Replies).ToListAsync(ct);
        var comments = await db.Comments.AsNoTracking().Where(c => c.DeletedAt == null).ToListAsync(ct);
        return posts.Select(p => documents.FromPost(p, byId))
            .Concat(comments.Select(c => ItemTarget.Resolve(c.Target, snapshot) is { } target && target.Space == c.SpaceKey ? documents.FromComment(c, target, byId) : null))
            .Concat((await people.AllAsync(ct)).Select(SaidDocuments.FromPerson))
            .OfType<SearchDocument>().ToList();
    }

    /// <summary>Re-indexes a post and its replies after a save (written, replied to, answered, removed).</summary>
    public Task PostChangedAsync(long postId) => GuardedAsync($"post {postId}", async () =>
    {
        await using var db = await contexts.CreateDbContextAsync();
        var post = await db.Posts.AsNoTracking().Include(p => p.Replies).FirstOrDefaultAsync(p => p.Id == postId);
        var key = SearchDocument.Key(SaidDocuments.PostKind, postId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var doc = post is null ? null : documents.FromPost(post, await people.ByIdsAsync());
        index.Apply(doc is null ? [] : [doc], doc is null ? [key] : [], null);
    });

    /// <summary>Re-indexes a comment after a save (written, edited, removed).</summary>
    public Task CommentChangedAsync(long commentId) => GuardedAsync($"comment {commentId}", async () =>
    {
        await using var db = await contexts.CreateDbContextAsync();
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId);
        if (comment is null)
        {
            return;
        }

        var target = ItemTarget.Resolve(comment.Target, catalog.Current);
        var doc = target is null || target.Space != comment.SpaceKey ? null : documents.FromComment(comment, target, await people.ByIdsAsync());
        index.Apply(doc is null ? [] : [doc], doc is null ? [SearchDocument.Key(SaidDocuments.CommentKind, SaidDocuments.CommentPath(comment.Target, comment.Id))] : [], null);
    });

    /// <inheritdoc />
    public Task ItemsChangedAsync(IReadOnlyCollection<string> items, CancellationToken ct = default) => items.Count == 0 ? Task.CompletedTask : GuardedAsync("comments on changed items", async () =>
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var targets = items.ToList();
        var comments = await db.Comments.AsNoTracking().Where(c => c.DeletedAt == null && targets.Contains(c.Target)).ToListAsync(ct);
        if (comments.Count == 0)
        {
            return;
        }

        var byId = await people.ByIdsAsync();
        var snapshot = catalog.Current;
        var upserts = new List<SearchDocument>();
        var deletes = new List<string>();
        foreach (var comment in comments)
        {
            var target = ItemTarget.Resolve(comment.Target, snapshot);
            if (target is not null && target.Space == comment.SpaceKey && documents.FromComment(comment, target, byId) is { } doc)
            {
                upserts.Add(doc);
            }
            else
            {
                deletes.Add(SearchDocument.Key(SaidDocuments.CommentKind, SaidDocuments.CommentPath(comment.Target, comment.Id)));
            }
        }

        index.Apply(upserts, deletes, null);
    });

    /// <summary>Re-indexes everyone (people are few; a handle change or a deactivation drops the old record).</summary>
    public Task PeopleChangedAsync() => GuardedAsync("people", async () =>
        index.ReplaceKind(SaidDocuments.PersonKind, (await people.AllAsync()).Select(SaidDocuments.FromPerson).OfType<SearchDocument>()));

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        people.Changed += OnPeopleChanged;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        people.Changed -= OnPeopleChanged;
        await _peopleSync.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    // The directory is invalidated inside account saves; the re-read runs after, off the caller's path.
    private void OnPeopleChanged()
    {
        lock (_chain)
        {
            _peopleSync = _peopleSync.ContinueWith(_ => PeopleChangedAsync(), TaskScheduler.Default).Unwrap();
        }
    }

    private async Task GuardedAsync(string what, Func<Task> work)
    {
        await _gate.WaitAsync();
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not index {What}; the next rebuild of the search index will", what);
        }
        finally
        {
            _gate.Release();
        }
    }
}
