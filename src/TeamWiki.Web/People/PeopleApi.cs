using System.Security.Claims;
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
        signedIn.MapGet("/people/{handle}", async (string handle, PeopleDirectory people, ClaimsPrincipal user) =>
            await people.VisibleByHandleAsync(user, handle) is { } p
                ? TypedResults.Ok(ToResponse(p))
                : ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Person not found", $"Nobody is called @{handle}"));
        api.MapGet("/activity", ActivityAsync);
        signedIn.MapGet("/insights", InsightsAsync);
        signedIn.MapGet("/insights.csv", InsightsCsvAsync);
    }

    private static async Task<IResult> PeopleAsync(string? knows, string? q, int? limit, PeopleDirectory people, Expertise expertise, ClaimsPrincipal user)
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

    private static async Task<IResult> ActivityAsync(string? space, string? kind, string? actor, int? page, int? limit, ActivityFeed feed, SpaceAccess access, PeopleDirectory people, ClaimsPrincipal user)
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

        return TypedResults.Ok(new { page = page ?? 1, hasMore = more, items });
    }

    private static async Task<IResult> InsightsAsync(string? space, int? weeks, InsightsService insights, ClaimsPrincipal user)
    {
        var key = string.IsNullOrWhiteSpace(space) ? null : space.Trim().ToLowerInvariant();
        return insights.MaySee(user, key)
            ? TypedResults.Ok(await insights.ReportAsync(key, weeks ?? 12))
            : ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Insights are for space owners and admins");
    }

    private static async Task<IResult> InsightsCsvAsync(string? space, int? weeks, string? table, InsightsService insights, ClaimsPrincipal user)
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
