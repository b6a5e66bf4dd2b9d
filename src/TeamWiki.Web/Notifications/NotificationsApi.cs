using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Notifications;

namespace TeamWiki.Web.Notifications;

/// <summary>A notification.</summary>
public sealed record NotificationResponse(long Id, string Kind, string? Actor, string Title, string Excerpt, string Url, string? Space, DateTimeOffset Created, bool Read);

/// <summary>The answer of <c>GET /api/notifications</c>.</summary>
public sealed record NotificationListResponse(int Unread, IReadOnlyList<NotificationResponse> Items);

/// <summary>The answer of <c>POST /api/notifications/read-all</c>: how many were unread.</summary>
public sealed record MarkedReadResponse(int Marked);

/// <summary>Whether the caller watches <see cref="Target"/>.</summary>
public sealed record WatchResponse(string? Target, bool Watching);

/// <summary><c>/api/notifications</c> (the caller's own) and <c>/api/watches</c>.</summary>
public static class NotificationsApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var own = api.MapGroup("").RequireAuthorization(WikiPolicies.Write);
        own.MapGet("/notifications", ListAsync);
        own.MapPost("/notifications/{id:long}/read", ReadAsync).Refuses(ProblemKind.NotFound);
        own.MapPost("/notifications/read-all", async (Inbox inbox, ClaimsPrincipal user) => TypedResults.Ok(new MarkedReadResponse(await inbox.MarkAllReadAsync(user.UserId()!))));
        own.MapGet("/watches", async (string? target, Watches watches, ClaimsPrincipal user) =>
            TypedResults.Ok(new WatchResponse(target, target is not null && await watches.IsWatchingAsync(user.UserId(), target))));
        own.MapPut("/watches", (string? target, WatchTargets targets, Watches watches, ClaimsPrincipal user) => SetAsync(target, true, targets, watches, user))
            .Refuses(ProblemKind.NotFound);
        own.MapDelete("/watches", (string? target, WatchTargets targets, Watches watches, ClaimsPrincipal user) => SetAsync(target, false, targets, watches, user))
            .Refuses(ProblemKind.NotFound);
    }

    private static async Task<Ok<NotificationListResponse>> ListAsync(bool? unread, int? limit, Inbox inbox, ClaimsPrincipal user)
    {
        var id = user.UserId()!;
        var items = await inbox.LatestAsync(id, limit ?? 50, unread ?? false);
        return TypedResults.Ok(new NotificationListResponse(await inbox.UnreadCountAsync(id),
            items.Select(n => new NotificationResponse(n.Id, n.Kind, n.ActorName, n.Title, n.Excerpt, n.Url, n.SpaceKey, n.CreatedAt, n.ReadAt is not null)).ToList()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(long id, Inbox inbox, ClaimsPrincipal user) =>
        await inbox.MarkReadAsync(user.UserId()!, id) is null
            ? ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Notification not found", $"Notification {id} not found")
            : TypedResults.NoContent();

    private static async Task<Results<Ok<WatchResponse>, ProblemHttpResult>> SetAsync(string? target, bool watch, WatchTargets targets, Watches watches, ClaimsPrincipal user)
    {
        var resolved = await targets.ResolveAsync(user, target);
        if (resolved is null)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Target not found", "Say what to watch: target=page:{path}, task:{key}, document:{id}, space:{key} or post:{id}");
        }

        await watches.SetAsync(user.UserId()!, resolved, watch);
        return TypedResults.Ok(new WatchResponse(resolved, watch));
    }
}
