using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Items;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Conversation;
using TeamWiki.Web.Items;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.People;

namespace TeamWiki.Web.Activity;

/// <summary>One line of the activity feed.</summary>
/// <param name="Kind">"page", "task", "document", "post", "reply" or "comment".</param>
/// <param name="Action">"created", "edited", "deleted", "posted", "asked", "replied", "answered" or "commented".</param>
/// <param name="Count">How many edits the line stands for (<see cref="FeedGrouping"/>); 1 for anything else.</param>
public sealed record FeedItem(string Kind, string Action, string Title, string? Url, string? Space, string ActorName, string? ActorHandle, DateTimeOffset At, string? Excerpt, int Count = 1);

/// <summary>
/// What happened, newest first, for a space or the whole team, from everything the viewer may see:
/// content changes from the history index (<see cref="ContentActivity"/>), posts, replies and comments.
/// </summary>
public sealed class ActivityFeed(IDbContextFactory<TeamWikiDbContext> contexts, SpaceAccess access, TeamWiki.Storage.Pages.IContentCatalog catalog, Discussions discussions, PeopleDirectory people, ConversationText text, ContentActivity content)
{
    /// <summary>The kinds the feed can be filtered on.</summary>
    public static readonly IReadOnlyList<string> Kinds = [ItemKinds.Page, ItemKinds.Task, ItemKinds.Document, "post", "reply", "comment"];

    /// <summary>Items per page.</summary>
    public const int PageSize = 30;

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the feed for <paramref name="space"/> (null: the whole
    /// team), only <paramref name="kind"/> when given, only what <paramref name="actorId"/> did when given;
    /// and whether there is a next page.
    /// </summary>
    public async Task<(IReadOnlyList<FeedItem> Items, bool HasMore)> PageAsync(ClaimsPrincipal viewer, string? space, string? kind, int page = 1, int size = PageSize, string? actorId = null)
    {
        page = Math.Clamp(page, 1, 1000);
        size = Math.Clamp(size, 1, 100);
        var take = page * size + 1;
        var spaces = space is null ? access.VisibleSpaces(viewer)?.ToList() : access.CanRead(viewer, space) ? [space] : [];
        var all = spaces is null;
        var teamStream = space is null && discussions.CanRead(viewer, null);
        var byId = await people.ByIdsAsync();
        bool CanRead(string s) => access.CanRead(viewer, s);
        await using var db = await contexts.CreateDbContextAsync();
        var items = new List<FeedItem>();
        // Someone without an account wrote no line a person filter can ask for.
        var actor = actorId is null ? null : byId.GetValueOrDefault(actorId);
        if ((kind is null or ItemKinds.Page or ItemKinds.Task or ItemKinds.Document) && (actorId is null || actor is not null))
        {
            // More content lines than a page shows: runs of edits fold into one line (FeedGrouping).
            items.AddRange(await content.NewestAsync(spaces, ItemKinds.FromName(kind), actor, take * 4, CanRead));
        }

        if (kind is null or "post")
        {
            var q = db.Posts.AsNoTracking().Where(p => p.DeletedAt == null && ((p.SpaceKey == null && teamStream) || (p.SpaceKey != null && (all || spaces!.Contains(p.SpaceKey)))) && (actorId == null || p.AuthorId == actorId));
            items.AddRange((await q.OrderByDescending(p => p.CreatedAt).Take(take).ToListAsync()).Select(p => Item("post", p.IsQuestion ? "asked" : "posted",
                p.Markdown, $"/posts/{p.Id}", p.SpaceKey, p.AuthorId, p.CreatedAt, null)));
        }

        if (kind is null or "reply")
        {
            var q = db.Replies.AsNoTracking().Where(r => r.DeletedAt == null && r.Post!.DeletedAt == null
                && ((r.Post.SpaceKey == null && teamStream) || (r.Post.SpaceKey != null && (all || spaces!.Contains(r.Post.SpaceKey))))
                && (actorId == null || r.AuthorId == actorId));
            items.AddRange((await q.OrderByDescending(r => r.CreatedAt).Take(take).Select(r => new { r.Id, r.PostId, r.Markdown, r.AuthorId, r.CreatedAt, Question = r.Post!.Markdown, r.Post.SpaceKey, Answer = r.Post.AnswerReplyId == r.Id }).ToListAsync())
                .Select(r => Item("reply", r.Answer ? "answered" : "replied", r.Question, $"/posts/{r.PostId}#reply-{r.Id}", r.SpaceKey, r.AuthorId, r.CreatedAt, r.Markdown)));
        }

        if (kind is null or "comment")
        {
            var q = db.Comments.AsNoTracking().Where(c => c.DeletedAt == null && (all || spaces!.Contains(c.SpaceKey)) && (actorId == null || c.AuthorId == actorId));
            var comments = await q.OrderByDescending(c => c.CreatedAt).Take(take).ToListAsync();
            foreach (var c in comments)
            {
                if (!ItemRef.TryParse(c.Target, out var target))
                {
                    continue;
                }

                var title = ItemTarget.Resolve(target, catalog.Current)?.Title ?? target.Id;
                items.Add(Item("comment", "commented", title, ItemLinks.For(target) + $"#comment-{c.Id}", c.SpaceKey, c.AuthorId, c.CreatedAt, c.Markdown));
            }
        }

        // Runs of edits are folded before paging, so a page holds `size` lines as a reader counts them.
        var ordered = FeedGrouping.Collapse(items.OrderByDescending(i => i.At)).Skip((page - 1) * size).Take(size + 1).ToList();
        return (ordered.Take(size).ToList(), ordered.Count > size);

        FeedItem Item(string k, string action, string titleMarkdown, string url, string? sp, string authorId, DateTimeOffset at, string? excerptMarkdown)
        {
            var who = Discussions.Who(byId, authorId);
            return new FeedItem(k, action, k == "comment" ? titleMarkdown : Notifier.Cut(text.Plain(titleMarkdown), 100), url, sp, who.Name, who.Handle, at,
                excerptMarkdown is null ? null : Notifier.Cut(text.Plain(excerptMarkdown), 160));
        }
    }
}
