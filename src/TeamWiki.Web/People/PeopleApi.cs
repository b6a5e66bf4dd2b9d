using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Activity;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Insights;
using TeamWiki.Web.People;

namespace TeamWiki.Web.People;

/// <summary>A person in the directory.</summary>
public sealed record PersonResponse(string Handle, string Name, string? Team, string? JobTitle, IReadOnlyList<string> AskMeAbout, bool Guest, string Url, string? PhotoUrl,
    double? Score = null, IReadOnlyList<Evidence>? Evidence = null);

/// <summary>A page of <c>GET /api/activity</c>, newest first.</summary>
public sealed record ActivityPageResponse(int Page, bool HasMore, IReadOnlyList<FeedItem> Items);

/// <summary>
/// <c>/api/people</c> (directory, <c>?q=</c> for @mention autocomplete, <c>?knows=</c> for "who knows
/// about"), <c>/api/activity</c> and <c>/api/insights</c>.
/// </summary>
public static class PeopleApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapPeopleApi(this RouteGroupBuilder api)
    {
        var signedIn = api.MapGroup("").RequireAuthorization(WikiPolicies.Write);
        signedIn.MapGet("/people", PeopleAsync);
        signedIn.MapGet("/people/{handle}", PersonAsync).Refuses(ProblemKind.NotFound);
        api.MapGet("/activity", ActivityAsync).Refuses(ProblemKind.Invalid, ProblemKind.NotFound);
        signedIn.MapGet("/insights", InsightsAsync).Refuses(ProblemKind.Forbidden);
        signedIn.MapGet("/insights.csv", InsightsCsvAsync)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Refuses(ProblemKind.Forbidden);
    }

    private static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> PersonAsync(string handle, PeopleDirectory people, ClaimsPrincipal user) =>
        await people.VisibleByHandleAsync(user, handle) is { } p
            ? TypedResults.Ok(ToResponse(p))
            : ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Person not found", $"Nobody is called @{handle}");

    private static async Task<Ok<List<PersonResponse>>> PeopleAsync(string? knows, string? q, int? limit, PeopleDirectory people, Expertise expertise, ClaimsPrincipal user)
    {
        var max = Math.Clamp(limit ?? 50, 1, 500);
        if (!string.IsNullOrWhiteSpace(knows))
        {
            var experts = await expertise.WhoKnowsAsync(user, knows, Math.Min(max, 50));
            return TypedResults.Ok(experts.Select(e => ToResponse(e.Person) with { Score = e.Score, Evidence = e.Evidence }).ToList());
        }

        var visible = await people.VisibleToAsync(user);
        var text = q?.Trim().TrimStart('@');
        var found = string.IsNullOrEmpty(text)
            ? visible
            : visible.Where(p => p.Handle.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                || p.Name.Split(' ').Any(w => w.StartsWith(text, StringComparison.CurrentCultureIgnoreCase))
                || p.Name.StartsWith(text, StringComparison.CurrentCultureIgnoreCase)).ToList();
        return TypedResults.Ok(found.Take(max).Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<ActivityPageResponse>, ProblemHttpResult>> ActivityAsync(string? space, string? kind, string? actor, int? page, int? limit, ActivityFeed feed, SpaceAccess access, PeopleDirectory people, ClaimsPrincipal user)
    {
        var key = string.IsNullOrWhiteSpace(space) ? null : space.Trim().ToLowerInvariant();
        if (kind is not null && !ActivityFeed.Kinds.Contains(kind))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Unknown kind", $"kind is one of {string.Join(", ", ActivityFeed.Kinds)}");
        }

        var actorId = null as string;
        if (!string.IsNullOrWhiteSpace(actor))
        {
            if (await people.VisibleByHandleAsync(user, actor) is not { } person)
            {
                return ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Person not found", $"Nobody is called @{actor.TrimStart('@')}");
            }

            actorId = person.Id;
        }

        var (items, more) = await feed.PageAsync(user, key, kind, page ?? 1, limit ?? ActivityFeed.PageSize, actorId);
        if (key is not null && SpaceGuard.Read(access, user, key, "Space") is { } denied)
        {
            return denied;
        }

        return TypedResults.Ok(new ActivityPageResponse(page ?? 1, more, items));
    }

    private static async Task<Results<Ok<InsightsReport>, ProblemHttpResult>> InsightsAsync(string? space, int? weeks, InsightsService insights, ClaimsPrincipal user)
    {
        var key = string.IsNullOrWhiteSpace(space) ? null : space.Trim().ToLowerInvariant();
        return insights.MaySee(user, key)
            ? TypedResults.Ok(await insights.ReportAsync(key, weeks ?? 12))
            : ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Insights are for space owners and admins");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> InsightsCsvAsync(string? space, int? weeks, string? table, InsightsService insights, ClaimsPrincipal user)
    {
        var key = string.IsNullOrWhiteSpace(space) ? null : space.Trim().ToLowerInvariant();
        if (!insights.MaySee(user, key))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Insights are for space owners and admins");
        }

        var csv = InsightsService.Csv(await insights.ReportAsync(key, weeks ?? 12), table);
        return TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
            $"insights-{key ?? "teamwiki"}-{table ?? "weeks"}.csv");
    }

    private static PersonResponse ToResponse(Person p) => new(p.Handle, p.Name, p.Team, p.JobTitle, p.Topics, p.IsGuest, p.Url, p.PhotoUrl);
}
