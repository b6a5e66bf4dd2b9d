using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Conversation;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Items;
using TeamWiki.Storage.Notifications;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.People;

namespace TeamWiki.Web.Conversation;

/// <summary>
/// The discussion streams: one per space and one for the whole team (<c>space</c> null). Posts in
/// Markdown with tags and reactions; a post can be a question, and its author (or a space owner) marks
/// one reply as the answer. Who may read a stream is who may read its space; the team stream is for
/// staff, never for guests.
/// </summary>
public sealed class Discussions(
    IDbContextFactory<TeamWikiDbContext> contexts,
    SpaceAccess access,
    IContentCatalog catalog,
    PeopleDirectory people,
    ConversationText text,
    Notifier notifier,
    Watches watches,
    Search.Said.SaidIndexer index)
{
    /// <summary>Posts per page of a stream.</summary>
    public const int PageSize = 20;

    /// <summary>True when <paramref name="user"/> may read the stream.</summary>
    public bool CanRead(ClaimsPrincipal user, string? space) => access.CanReadStream(user, space);

    /// <summary>True when <paramref name="user"/> may post and reply in the stream.</summary>
    public bool CanWrite(ClaimsPrincipal user, string? space)
    {
        if (user.Identity?.IsAuthenticated != true || !CanRead(user, space))
        {
            return false;
        }

        if (space is null)
        {
            return true;
        }

        var p = access.For(user, space);
        return p.WritePages || p.WriteTasks;
    }

    /// <summary>A page of the stream, newest first, optionally only one tag or only questions ("open" or "answered" or "all").</summary>
    public async Task<(IReadOnlyList<PostView> Posts, int Total)> ListAsync(ClaimsPrincipal user, string? space, int page = 1, string? tag = null, string? questions = null, string? ownHost = null)
    {
        if (!CanRead(user, space))
        {
            throw ConversationException.NotFound("Space");
        }

        await using var db = await contexts.CreateDbContextAsync();
        var query = db.Posts.AsNoTracking().Where(p => p.SpaceKey == space);
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var t = FrontMatter.NormaliseTag(tag);
            query = query.Where(p => (" " + p.Tags + " ").Contains(" " + t + " "));
        }

        query = questions switch
        {
            "open" => query.Where(p => p.IsQuestion && p.AnswerReplyId == null && p.DeletedAt == null),
            "answered" => query.Where(p => p.IsQuestion && p.AnswerReplyId != null),
            "all" => query.Where(p => p.IsQuestion),
            _ => query,
        };
        var total = await query.CountAsync();
        var posts = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize).Include(p => p.Replies).ToListAsync();
        return (await ViewsAsync(db, user, posts, ownHost), total);
    }

    /// <summary>One post with its replies, or null when it does not exist or may not be seen.</summary>
    public async Task<PostView?> GetAsync(ClaimsPrincipal user, long id, string? ownHost = null)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var post = await db.Posts.AsNoTracking().Include(p => p.Replies).FirstOrDefaultAsync(p => p.Id == id);
        return post is null || !CanRead(user, post.SpaceKey) ? null : (await ViewsAsync(db, user, [post], ownHost))[0];
    }

    /// <summary>Writes a post and notifies the people mentioned and the space's watchers.</summary>
    public async Task<PostView> PostAsync(ClaimsPrincipal user, string? space, string? markdown, IEnumerable<string>? tags, bool isQuestion)
    {
        space = Normalise(space);
        if (!CanRead(user, space))
        {
            throw ConversationException.NotFound("Space");
        }

        if (!CanWrite(user, space))
        {
            throw ConversationException.Forbidden("You may not post in this stream");
        }

        var body = ConversationText.Check(markdown);
        var tagList = ConversationText.CheckTags(tags);
        await using var db = await contexts.CreateDbContextAsync();
        var post = new Post
        {
            SpaceKey = space,
            AuthorId = user.UserId()!,
            Markdown = body,
            Tags = string.Join(' ', tagList),
            IsQuestion = isQuestion,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        await index.PostChangedAsync(post.Id);

        var excerpt = text.Plain(body);
        var title = Notifier.Cut(excerpt, 80);
        var url = $"/posts/{post.Id}";
        await notifier.SendAsync(
        [
            (await people.IdsOfHandlesAsync(text.Mentions(body)), new NotificationDraft(NotificationKinds.Mention, post.AuthorId, user.Name(), title, excerpt, url, space)),
            (space is null ? [] : await watches.WatchersOfAsync(Watches.Target(ItemRef.Space(space))), new NotificationDraft(NotificationKinds.Post, post.AuthorId, user.Name(), title, excerpt, url, space)),
        ]);
        return (await ViewsAsync(db, user, [post], null))[0];
    }

    /// <summary>Replies to a post; notifies the mentioned, the post's author and the people in the thread.</summary>
    public async Task<ReplyView> ReplyAsync(ClaimsPrincipal user, long postId, string? markdown)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var post = await db.Posts.Include(p => p.Replies).FirstOrDefaultAsync(p => p.Id == postId);
        if (post is null || !CanRead(user, post.SpaceKey))
        {
            throw ConversationException.NotFound("Post");
        }

        if (!CanWrite(user, post.SpaceKey))
        {
            throw ConversationException.Forbidden("You may not reply in this stream");
        }

        if (post.DeletedAt is not null)
        {
            throw ConversationException.Invalid("The post was removed");
        }

        var body = ConversationText.Check(markdown);
        var reply = new Reply { PostId = post.Id, AuthorId = user.UserId()!, Markdown = body, CreatedAt = DateTimeOffset.UtcNow };
        db.Replies.Add(reply);
        await db.SaveChangesAsync();
        await index.PostChangedAsync(post.Id);

        var excerpt = text.Plain(body);
        var title = Notifier.Cut(text.Plain(post.Markdown), 80);
        var url = $"/posts/{post.Id}#reply-{reply.Id}";
        var thread = post.Replies.Where(r => r.Id != reply.Id).Select(r => r.AuthorId).Prepend(post.AuthorId).Distinct().ToList();
        await notifier.SendAsync(
        [
            (await people.IdsOfHandlesAsync(text.Mentions(body)), new NotificationDraft(NotificationKinds.Mention, reply.AuthorId, user.Name(), title, excerpt, url, post.SpaceKey)),
            (thread, new NotificationDraft(NotificationKinds.Reply, reply.AuthorId, user.Name(), title, excerpt, url, post.SpaceKey)),
            (await watches.WatchersOfAsync(Watches.PostTarget(post.Id)), new NotificationDraft(NotificationKinds.Reply, reply.AuthorId, user.Name(), title, excerpt, url, post.SpaceKey)),
        ]);
        var views = await ViewsAsync(db, user, [post], null);
        return views[0].Replies.First(r => r.Id == reply.Id);
    }

    /// <summary>
    /// Marks <paramref name="replyId"/> as the answer to the question (null: unmark). Only the asker, a
    /// space owner or an admin may; the reply's author is notified.
    /// </summary>
    public async Task<PostView> MarkAnswerAsync(ClaimsPrincipal user, long postId, long? replyId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var post = await db.Posts.Include(p => p.Replies).FirstOrDefaultAsync(p => p.Id == postId);
        if (post is null || !CanRead(user, post.SpaceKey))
        {
            throw ConversationException.NotFound("Post");
        }

        if (!MayMarkAnswer(user, post))
        {
            throw ConversationException.Forbidden("Only the person who asked (or a space owner) marks the answer");
        }

        if (!post.IsQuestion)
        {
            throw ConversationException.Invalid("This post is not a question");
        }

        Reply? reply = null;
        if (replyId is { } rid)
        {
            reply = post.Replies.FirstOrDefault(r => r.Id == rid && r.DeletedAt == null) ?? throw ConversationException.Invalid($"Reply {rid} is not a reply to this post");
        }

        post.AnswerReplyId = reply?.Id;
        post.AnsweredAt = reply is null ? null : DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        await index.PostChangedAsync(post.Id);
        if (reply is not null)
        {
            var title = Notifier.Cut(text.Plain(post.Markdown), 80);
            await notifier.SendAsync([reply.AuthorId],
                new NotificationDraft(NotificationKinds.Answer, user.UserId(), user.Name(), title, Notifier.Cut(text.Plain(reply.Markdown), 200), $"/posts/{post.Id}#reply-{reply.Id}", post.SpaceKey));
        }

        return (await ViewsAsync(db, user, [post], null))[0];
    }

    /// <summary>
    /// Adds or removes the viewer's reaction on a post or reply: <paramref name="on"/> true adds it, false
    /// removes it, null toggles. Setting a state is idempotent (a double click gives one reaction); a
    /// toggle that races another toggle ends with the reaction present or absent, never with an error.
    /// </summary>
    public async Task ToggleReactionAsync(ClaimsPrincipal user, string targetType, long targetId, string emoji, bool? on = null)
    {
        if (!Reaction.Allowed.Contains(emoji))
        {
            throw ConversationException.Invalid("Unknown reaction");
        }

        await using var db = await contexts.CreateDbContextAsync();
        var postId = targetType switch
        {
            "post" => targetId,
            "reply" => await db.Replies.Where(r => r.Id == targetId).Select(r => (long?)r.PostId).FirstOrDefaultAsync() ?? -1,
            _ => throw ConversationException.Invalid("A reaction is to a post or a reply"),
        };
        var post = await db.Posts.FindAsync(postId);
        if (post is null || !CanRead(user, post.SpaceKey))
        {
            throw ConversationException.NotFound("Post");
        }

        if (!CanWrite(user, post.SpaceKey))
        {
            throw ConversationException.Forbidden("You may not react in this stream");
        }

        var userId = user.UserId()!;
        var mine = db.Reactions.Where(r => r.TargetType == targetType && r.TargetId == targetId && r.UserId == userId && r.Emoji == emoji);
        var present = await mine.AnyAsync();
        if (!(on ?? !present))
        {
            // A set-based delete: nothing to delete (a parallel request was first) is not an error.
            await mine.ExecuteDeleteAsync();
        }
        else if (!present)
        {
            db.Reactions.Add(new Reaction { TargetType = targetType, TargetId = targetId, UserId = userId, Emoji = emoji, CreatedAt = DateTimeOffset.UtcNow });
            // False when a parallel request added the same reaction first: it is there, as asked.
            await db.SaveUnlessDuplicateAsync();
        }
    }

    /// <summary>Removes a post or reply (its author, a space owner or an admin): it shows as removed.</summary>
    public async Task<long> DeleteAsync(ClaimsPrincipal user, string targetType, long id)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var (authorId, postId) = targetType == "post"
            ? (await db.Posts.Where(p => p.Id == id).Select(p => p.AuthorId).FirstOrDefaultAsync(), id)
            : await db.Replies.Where(r => r.Id == id).Select(r => ValueTuple.Create(r.AuthorId, r.PostId)).FirstOrDefaultAsync();
        var post = authorId is null ? null : await db.Posts.FindAsync(postId);
        if (post is null || !CanRead(user, post.SpaceKey))
        {
            throw ConversationException.NotFound(targetType == "post" ? "Post" : "Reply");
        }

        if (authorId != user.UserId() && !MayModerate(user, post.SpaceKey))
        {
            throw ConversationException.Forbidden("Only the author or a space owner may remove this");
        }

        var now = DateTimeOffset.UtcNow;
        if (targetType == "post")
        {
            post.DeletedAt ??= now;
        }
        else if (await db.Replies.FindAsync(id) is { } reply)
        {
            reply.DeletedAt ??= now;
            if (post.AnswerReplyId == id)
            {
                post.AnswerReplyId = null;
                post.AnsweredAt = null;
            }
        }

        await db.SaveChangesAsync();
        await index.PostChangedAsync(post.Id);
        return post.Id;
    }

    private bool MayMarkAnswer(ClaimsPrincipal user, Post post) => post.AuthorId == user.UserId() || MayModerate(user, post.SpaceKey);

    private bool MayModerate(ClaimsPrincipal user, string? space) => user.IsAdmin() || (space is not null && access.For(user, space).Manage);


    private static string? Normalise(string? space) => string.IsNullOrWhiteSpace(space) ? null : space.Trim().ToLowerInvariant();

    private async Task<IReadOnlyList<PostView>> ViewsAsync(TeamWikiDbContext db, ClaimsPrincipal user, IReadOnlyList<Post> posts, string? ownHost)
    {
        var ids = posts.Select(p => p.Id).ToList();
        var replyIds = posts.SelectMany(p => p.Replies).Select(r => r.Id).ToList();
        var reactions = await db.Reactions.AsNoTracking()
            .Where(r => (r.TargetType == "post" && ids.Contains(r.TargetId)) || (r.TargetType == "reply" && replyIds.Contains(r.TargetId)))
            .ToListAsync();
        var byId = await people.ByIdsAsync();
        var snapshot = catalog.Current;
        var me = user.UserId();
        var reader = access.Readable(user);
        return posts.Select(p =>
        {
            var moderate = MayModerate(user, p.SpaceKey);
            var deleted = p.DeletedAt is not null;
            var replies = p.Replies.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new ReplyView(
                r.Id, Who(byId, r.AuthorId), r.DeletedAt is null ? r.Markdown : "", r.DeletedAt is null ? text.Html(r.Markdown, p.SpaceKey ?? "", snapshot, reader) : "",
                r.CreatedAt, r.EditedAt, r.DeletedAt is not null, p.AnswerReplyId == r.Id, Count(reactions, "reply", r.Id, me),
                r.DeletedAt is null && (r.AuthorId == me || moderate))).ToList();
            return new PostView(
                p.Id, p.SpaceKey, Who(byId, p.AuthorId), deleted ? "" : p.Markdown, deleted ? "" : text.Html(p.Markdown, p.SpaceKey ?? "", snapshot, reader),
                p.TagList, p.IsQuestion, p.AnswerReplyId, p.AnsweredAt, p.CreatedAt, p.EditedAt, deleted, replies, Count(reactions, "post", p.Id, me),
                deleted ? [] : ConversationText.Cards(p.Markdown, p.SpaceKey, ownHost, snapshot, reader),
                !deleted && p.IsQuestion && me is not null && MayMarkAnswer(user, p), !deleted && (p.AuthorId == me || moderate));
        }).ToList();
    }

    private static IReadOnlyList<ReactionCount> Count(List<Reaction> reactions, string type, long id, string? me) =>
        reactions.Where(r => r.TargetType == type && r.TargetId == id).GroupBy(r => r.Emoji)
            .Select(g => new ReactionCount(g.Key, g.Count(), g.Any(r => r.UserId == me)))
            .OrderBy(c => Reaction.Allowed.ToList().IndexOf(c.Emoji)).ToList();

    /// <summary>The person, or a placeholder for an account that no longer exists.</summary>
    public static Person Who(IReadOnlyDictionary<string, Person> byId, string id) =>
        byId.TryGetValue(id, out var p) ? p : new Person(id, "?", "?", "", null, null, [], false, false, false, null);
}
