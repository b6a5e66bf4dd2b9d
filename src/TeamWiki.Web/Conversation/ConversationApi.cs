using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Conversation;

namespace TeamWiki.Web.Conversation;

/// <summary>A person as conversation answers show them.</summary>
public sealed record PersonRef(string Handle, string Name, string Url);

/// <summary>A reaction count.</summary>
public sealed record ReactionResponse(string Emoji, int Count, bool Mine);

/// <summary>A reply.</summary>
public sealed record ReplyResponse(long Id, PersonRef Author, string Markdown, string Html, DateTimeOffset Created, DateTimeOffset? Edited, bool Deleted, bool IsAnswer, IReadOnlyList<ReactionResponse> Reactions);

/// <summary>A post with its replies.</summary>
public sealed record PostResponse(long Id, string? Space, PersonRef Author, string Markdown, string Html, IReadOnlyList<string> Tags, bool Question, long? AnswerReplyId,
    DateTimeOffset Created, DateTimeOffset? Edited, bool Deleted, IReadOnlyList<ReplyResponse> Replies, IReadOnlyList<ReactionResponse> Reactions, IReadOnlyList<LinkCard> Cards, string Url);

/// <summary>A page of a stream.</summary>
public sealed record PostListResponse(int Total, int Page, int PageSize, IReadOnlyList<PostResponse> Items);

/// <summary>Body of <c>POST /api/spaces/{key}/posts</c>.</summary>
public sealed record PostRequest(string? Markdown, IReadOnlyList<string>? Tags, bool Question = false);

/// <summary>Body of <c>POST /api/posts/{id}/replies</c> and of comments.</summary>
public sealed record TextRequest(string? Markdown, long? ParentId = null);

/// <summary>Body of <c>POST /api/posts/{id}/answer</c>.</summary>
public sealed record AnswerRequest(long? ReplyId);

/// <summary>Body of <c>POST /api/posts/{id}/reactions</c>: <c>on</c> true adds, false removes, absent toggles.</summary>
public sealed record ReactionRequest(string? Emoji, long? ReplyId, bool? On = null);

/// <summary>A comment.</summary>
public sealed record CommentResponse(long Id, string Target, long? ParentId, PersonRef Author, string Markdown, string Html, DateTimeOffset Created, DateTimeOffset? Edited,
    bool Deleted, IReadOnlyList<CommentResponse> Replies, string Url);

/// <summary>
/// Discussion streams (<c>/api/spaces/{key}/posts</c>, <c>/api/posts</c> for the team stream), replies,
/// answers, reactions, and comments on pages, tasks and documents (<c>/api/comments?target=</c>).
/// </summary>
public static class ConversationApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapConversationApi(this RouteGroupBuilder api)
    {
        // Refusals are thrown by Discussions and Comments (ConversationException) and answered by ApiExceptionFilter.
        api.MapGet("/spaces/{space}/posts", (string space, int? page, string? tag, string? questions, Discussions d, ClaimsPrincipal user, HttpContext http) => ListAsync(space, page, tag, questions, d, user, http))
            .Refuses(ProblemKind.NotFound);
        api.MapPost("/spaces/{space}/posts", (string space, PostRequest? body, Discussions d, ClaimsPrincipal user) => CreateAsync(space, body, d, user)).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody);
        // The team stream is closed to guests: it answers them as a space they may not see.
        api.MapGet("/posts", (int? page, string? tag, string? questions, Discussions d, ClaimsPrincipal user, HttpContext http) => ListAsync(null, page, tag, questions, d, user, http))
            .Refuses(ProblemKind.NotFound);
        api.MapPost("/posts", (PostRequest? body, Discussions d, ClaimsPrincipal user) => CreateAsync(null, body, d, user)).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody);
        api.MapGet("/posts/{id:long}", GetAsync).Refuses(ProblemKind.NotFound);
        api.MapDelete("/posts/{id:long}", (long id, Discussions d, ClaimsPrincipal user) => DeleteAsync("post", id, d, user)).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Forbidden, ProblemKind.NotFound);
        api.MapPost("/posts/{id:long}/replies", ReplyAsync).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody);
        api.MapDelete("/replies/{id:long}", (long id, Discussions d, ClaimsPrincipal user) => DeleteAsync("reply", id, d, user)).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Forbidden, ProblemKind.NotFound);
        api.MapPost("/posts/{id:long}/answer", AnswerAsync).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody);
        api.MapPost("/posts/{id:long}/reactions", ReactAsync).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody);
        api.MapGet("/comments", ListCommentsAsync).Refuses(ProblemKind.Invalid, ProblemKind.NotFound);
        api.MapPost("/comments", AddCommentAsync).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody);
        api.MapPatch("/comments/{id:long}", EditCommentAsync).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.UnsupportedBody);
        api.MapDelete("/comments/{id:long}", DeleteCommentAsync).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Forbidden, ProblemKind.NotFound);
    }

    private static async Task<Ok<PostListResponse>> ListAsync(string? space, int? page, string? tag, string? questions, Discussions d, ClaimsPrincipal user, HttpContext http)
    {
        var p = Math.Clamp(page ?? 1, 1, 10_000);
        var (posts, total) = await d.ListAsync(user, space?.Trim().ToLowerInvariant(), p, tag, questions, http.Request.Host.Value);
        return TypedResults.Ok(new PostListResponse(total, p, Discussions.PageSize, posts.Select(ToResponse).ToList()));
    }

    private static async Task<Created<PostResponse>> CreateAsync(string? space, PostRequest? body, Discussions d, ClaimsPrincipal user)
    {
        var post = await d.PostAsync(user, space, body?.Markdown, body?.Tags, body?.Question ?? false);
        return TypedResults.Created($"/api/posts/{post.Id}", ToResponse(post));
    }

    private static async Task<Ok<PostResponse>> GetAsync(long id, Discussions d, ClaimsPrincipal user, HttpContext http) =>
        await d.GetAsync(user, id, http.Request.Host.Value) is { } post ? TypedResults.Ok(ToResponse(post)) : throw ConversationException.NotFound("Post");

    private static async Task<Created<ReplyResponse>> ReplyAsync(long id, TextRequest? body, Discussions d, ClaimsPrincipal user)
    {
        var reply = await d.ReplyAsync(user, id, body?.Markdown);
        return TypedResults.Created($"/api/posts/{id}", ToResponse(reply));
    }

    private static async Task<Ok<PostResponse>> AnswerAsync(long id, AnswerRequest? body, Discussions d, ClaimsPrincipal user)
    {
        if (body is null)
        {
            throw ConversationException.Invalid("Send {\"replyId\": n} (or null to unmark)");
        }

        return TypedResults.Ok(ToResponse(await d.MarkAnswerAsync(user, id, body.ReplyId)));
    }

    private static async Task<Ok<PostResponse>> ReactAsync(long id, ReactionRequest? body, Discussions d, ClaimsPrincipal user)
    {
        await d.ToggleReactionAsync(user, body?.ReplyId is null ? "post" : "reply", body?.ReplyId ?? id, body?.Emoji ?? "", body?.On);
        return await d.GetAsync(user, id) is { } post ? TypedResults.Ok(ToResponse(post)) : throw ConversationException.NotFound("Post");
    }

    private static async Task<Ok<List<CommentResponse>>> ListCommentsAsync(string? target, Comments c, ClaimsPrincipal user)
    {
        var t = c.Target(user, target);
        return TypedResults.Ok((await c.ListAsync(user, t)).Select(x => ToResponse(x, t.Url)).ToList());
    }

    private static async Task<Created<CommentResponse>> AddCommentAsync(string? target, TextRequest? body, Comments c, ClaimsPrincipal user)
    {
        var t = c.Target(user, target);
        var comment = await c.AddAsync(user, t, body?.Markdown, body?.ParentId);
        return TypedResults.Created($"/api/comments?target={Uri.EscapeDataString(t.Value)}", ToResponse(comment, t.Url));
    }

    private static async Task<Ok<CommentResponse>> EditCommentAsync(long id, TextRequest? body, Comments c, ClaimsPrincipal user)
    {
        var comment = await c.EditAsync(user, id, body?.Markdown);
        return TypedResults.Ok(ToResponse(comment, c.Target(user, comment.Target).Url));
    }

    private static async Task<NoContent> DeleteAsync(string kind, long id, Discussions d, ClaimsPrincipal user)
    {
        await d.DeleteAsync(user, kind, id);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeleteCommentAsync(long id, Comments c, ClaimsPrincipal user)
    {
        await c.DeleteAsync(user, id);
        return TypedResults.NoContent();
    }

    private static PersonRef Ref(TeamWiki.Web.Accounts.Person p) => new(p.Handle, p.Name, p.Url);

    private static ReactionResponse ToResponse(ReactionCount r) => new(r.Emoji, r.Count, r.Mine);

    private static ReplyResponse ToResponse(ReplyView r) =>
        new(r.Id, Ref(r.Author), r.Markdown, r.Html, r.CreatedAt, r.EditedAt, r.Deleted, r.IsAnswer, r.Reactions.Select(ToResponse).ToList());

    private static PostResponse ToResponse(PostView p) =>
        new(p.Id, p.Space, Ref(p.Author), p.Markdown, p.Html, p.Tags, p.IsQuestion, p.AnswerReplyId, p.CreatedAt, p.EditedAt, p.Deleted,
            p.Replies.Select(ToResponse).ToList(), p.Reactions.Select(ToResponse).ToList(), p.Cards, p.Url);

    private static CommentResponse ToResponse(CommentView c, string targetUrl) =>
        new(c.Id, c.Target, c.ParentId, Ref(c.Author), c.Markdown, c.Html, c.CreatedAt, c.EditedAt, c.Deleted, c.Replies.Select(r => ToResponse(r, targetUrl)).ToList(),
            $"{targetUrl}#{c.Anchor}");
}
