using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Conversation;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.History;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Notifications;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Items;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.People;

namespace TeamWiki.Web.Conversation;

/// <summary>
/// Comments on pages, tasks and documents, threaded one level. Anyone who may read the target's space
/// and is signed in may comment (not in archived spaces); authors edit their own; authors, space owners
/// and admins remove them (soft: the comment shows as removed, its replies stay).
/// </summary>
public sealed class Comments(
    IDbContextFactory<TeamWikiDbContext> contexts,
    SpaceAccess access,
    IContentCatalog catalog,
    PeopleDirectory people,
    ConversationText text,
    Notifier notifier,
    Watches watches,
    HistoryIndex history,
    Search.Said.SaidIndexer index)
{
    // The comments of each target as stored, kept until a comment on it is added, edited or removed here:
    // every page view shows its comments, and almost every page has none.
    private readonly Hosting.ReadThroughCache<IReadOnlyList<Comment>> _byTarget = new(TimeSpan.FromSeconds(30));

    /// <summary>The target, or an error saying why not (malformed, missing, or not visible: 404 alike).</summary>
    public ItemTarget Target(ClaimsPrincipal user, string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw ConversationException.Invalid("Say what the comments are about: target=page:{path}, task:{key} or document:{id}");
        }

        var resolved = ItemTarget.Resolve(target, catalog.Current);
        if (resolved is null || !access.CanRead(user, resolved.Space))
        {
            throw ConversationException.NotFound("Target");
        }

        return resolved;
    }

    /// <summary>True when <paramref name="user"/> may comment on things in <paramref name="space"/>.</summary>
    public bool CanComment(ClaimsPrincipal user, string space)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var p = access.For(user, space);
        return p.Read && (p.WritePages || p.WriteTasks);
    }

    /// <summary>The comments on a target, oldest thread first, replies nested.</summary>
    public async Task<IReadOnlyList<CommentView>> ListAsync(ClaimsPrincipal user, ItemTarget target)
    {
        var all = await StoredAsync(target);
        if (all.Count == 0)
        {
            return [];
        }

        var byId = await people.ByIdsAsync();
        var snapshot = catalog.Current;
        var me = user.UserId();
        var moderate = user.IsAdmin() || access.For(user, target.Space).Manage;
        var canComment = CanComment(user, target.Space);
        var reader = access.Readable(user);
        CommentView View(Comment c, IReadOnlyList<CommentView> replies) => new(
            c.Id, c.Target, c.ParentId, Discussions.Who(byId, c.AuthorId), c.DeletedAt is null ? c.Markdown : "",
            c.DeletedAt is null ? text.Html(c.Markdown, target.Space, snapshot, reader) : "", c.CreatedAt, c.EditedAt, c.DeletedAt is not null,
            c.DeletedAt is null && canComment && c.AuthorId == me, c.DeletedAt is null && me is not null && (c.AuthorId == me || moderate), replies);
        var children = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        return all.Where(c => c.ParentId is null).Select(c => View(c, children[c.Id].Select(r => View(r, [])).ToList())).ToList();
    }

    /// <summary>
    /// What decides how the comments on <paramref name="target"/> look to <paramref name="userId"/>, as a
    /// value for caches of rendered pages: it changes with every comment added, edited or removed, and names
    /// the reader when some of the comments are theirs (only an author sees edit and remove on their own).
    /// Who may comment or moderate follows from the reader's permissions in the space, which such a cache
    /// keys by anyway.
    /// </summary>
    public async Task<string> LookStampAsync(ItemTarget target, string? userId)
    {
        var all = await StoredAsync(target);
        var mine = userId is not null && all.Any(c => c.AuthorId == userId);
        return string.Join(',', all.Count, all.Count == 0 ? 0 : all.Max(c => c.Id),
            all.Count == 0 ? 0 : all.Max(c => Math.Max(c.EditedAt?.UtcTicks ?? 0, c.DeletedAt?.UtcTicks ?? 0)), mine ? userId : "");
    }

    // Task keys are global and a key may come back in another space: a comment belongs to the space it was written in.
    private async Task<List<Comment>> StoredAsync(ItemTarget target) =>
        (await _byTarget.GetAsync(target.Value, async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Comments.AsNoTracking().Where(c => c.Target == target.Value).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync();
        })).Where(c => c.SpaceKey == target.Space).ToList();

    /// <summary>
    /// Adds a comment (a reply when <paramref name="parentId"/> is given; replies to replies join the
    /// thread). Notifies, in this order of precedence: the people mentioned, the thread, the target's
    /// authors and watchers.
    /// </summary>
    public async Task<CommentView> AddAsync(ClaimsPrincipal user, ItemTarget target, string? markdown, long? parentId)
    {
        if (!CanComment(user, target.Space))
        {
            throw ConversationException.Forbidden("You may not comment here");
        }

        var body = ConversationText.Check(markdown);
        await using var db = await contexts.CreateDbContextAsync();
        Comment? parent = null;
        if (parentId is { } pid)
        {
            parent = await db.Comments.FirstOrDefaultAsync(c => c.Id == pid && c.Target == target.Value)
                ?? throw ConversationException.Invalid($"Comment {pid} is not a comment on {target.Value}");
            if (parent.ParentId is { } root)
            {
                parent = await db.Comments.FindAsync(root) ?? parent;
            }
        }

        var comment = new Comment
        {
            Target = target.Value,
            SpaceKey = target.Space,
            ParentId = parent?.Id,
            AuthorId = user.UserId()!,
            Markdown = body,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        _byTarget.Invalidate(target.Value);
        await index.CommentChangedAsync(comment.Id);

        var excerpt = text.Plain(body);
        var url = $"{target.Url}#comment-{comment.Id}";
        var thread = parent is null
            ? new List<string>()
            : await db.Comments.Where(c => c.Id == parent.Id || c.ParentId == parent.Id).Select(c => c.AuthorId).Distinct().ToListAsync();
        // The target's authors: everyone whose e-mail address wrote one of its lines of activity.
        var authors = new List<string>();
        foreach (var email in history.Activity(new ActivityFilter(Items: [target.Item]), int.MaxValue).Select(l => l.Commit.AuthorEmail).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await people.ByEmailAsync(email) is { } author)
            {
                authors.Add(author.Id);
            }
        }

        if (target.Item.Kind == ItemKind.Task && catalog.Current.FindTask(target.Id) is { } task)
        {
            var all = await people.AllAsync();
            authors.AddRange(all.Where(p => p.Handle == task.Assignee || p.Handle == task.Reporter).Select(p => p.Id));
        }

        var watchers = await watches.WatchersOfAsync(Watches.Target(target.Item), Watches.Target(ItemRef.Space(target.Space)));
        await notifier.SendAsync(
        [
            (await people.IdsOfHandlesAsync(text.Mentions(body)), Draft(NotificationKinds.Mention)),
            (thread, Draft(NotificationKinds.Reply)),
            (authors.Concat(watchers), Draft(NotificationKinds.Comment)),
        ]);
        return (await ListAsync(user, target)).SelectMany(c => c.Replies.Prepend(c)).First(c => c.Id == comment.Id);

        NotificationDraft Draft(string kind) => new(kind, comment.AuthorId, user.Name(), target.Title, excerpt, url, target.Space);
    }

    /// <summary>Changes the text of one's own comment; people newly mentioned are notified.</summary>
    public async Task<CommentView> EditAsync(ClaimsPrincipal user, long id, string? markdown)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var (comment, target) = await FindAsync(db, user, id);
        if (comment.AuthorId != user.UserId() || !CanComment(user, target.Space))
        {
            throw ConversationException.Forbidden("Only the author may edit a comment");
        }

        if (comment.DeletedAt is not null)
        {
            throw ConversationException.Invalid("The comment was removed");
        }

        var body = ConversationText.Check(markdown);
        var before = text.Mentions(comment.Markdown).ToHashSet();
        comment.Markdown = body;
        comment.EditedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        _byTarget.Invalidate(target.Value);
        await index.CommentChangedAsync(comment.Id);
        var added = text.Mentions(body).Where(h => !before.Contains(h));
        await notifier.SendAsync(await people.IdsOfHandlesAsync(added),
            new NotificationDraft(NotificationKinds.Mention, comment.AuthorId, user.Name(), target.Title, text.Plain(body), $"{target.Url}#comment-{comment.Id}", target.Space));
        return (await ListAsync(user, target)).SelectMany(c => c.Replies.Prepend(c)).First(c => c.Id == comment.Id);
    }

    /// <summary>Removes a comment (author, space owner or admin). It stays in the thread as "removed".</summary>
    public async Task<ItemTarget> DeleteAsync(ClaimsPrincipal user, long id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var (comment, target) = await FindAsync(db, user, id);
        if (user.Identity?.IsAuthenticated != true || (comment.AuthorId != user.UserId() && !user.IsAdmin() && !access.For(user, target.Space).Manage))
        {
            throw ConversationException.Forbidden("Only the author or a space owner may remove a comment");
        }

        comment.DeletedAt ??= DateTimeOffset.UtcNow;
        comment.DeletedById ??= user.UserId();
        await db.SaveChangesAsync();
        _byTarget.Invalidate(target.Value);
        await index.CommentChangedAsync(comment.Id);
        return target;
    }

    private async Task<(Comment Comment, ItemTarget Target)> FindAsync(TeamWikiDbContext db, ClaimsPrincipal user, long id)
    {
        var comment = await db.Comments.FindAsync(id);
        var target = comment is null ? null : ItemTarget.Resolve(comment.Target, catalog.Current);
        if (comment is null || target is null || !access.CanRead(user, target.Space))
        {
            throw ConversationException.NotFound("Comment");
        }

        return (comment, target);
    }

}
