using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Pages.Links;

/// <summary>
/// <c>GET /api/pages/suggest?q=&amp;space=&amp;limit=</c>: the editor's <c>[[</c> picker. A literal segment, so
/// routing prefers it to <c>/api/pages/{**path}</c>; no page can be called that, a path has a space and a name.
/// </summary>
public static class PageSuggestApi
{
    /// <summary>Maps the route.</summary>
    public static void MapPageSuggestApi(this RouteGroupBuilder api) =>
        api.MapGet("/pages/suggest", Suggest)
            .Refuses(ProblemKind.Invalid, ProblemKind.NotFound);

    private static Results<Ok<IReadOnlyList<PageSuggestion>>, ProblemHttpResult> Suggest(
        string? q, string? space, string? limit, PageSuggestions suggestions, SpaceAccess access, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return Invalid("q is required: the text typed after [[");
        }

        if (q.Length > PageSuggestions.MaxQueryLength || q.Any(char.IsControl))
        {
            return Invalid($"q is at most {PageSuggestions.MaxQueryLength} characters, without control characters");
        }

        var max = PageSuggestions.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out max) || max is < 1 or > PageSuggestions.MaxLimit))
        {
            return Invalid($"limit is a whole number from 1 to {PageSuggestions.MaxLimit}");
        }

        // The writing page's space decides the link form; one the author cannot read (or that does not
        // exist) answers the same 404 either way.
        var from = string.IsNullOrWhiteSpace(space) ? null : space.Trim().ToLowerInvariant();
        if (from is not null && SpaceGuard.Read(access, user, from, "Space") is { } denied)
        {
            return denied;
        }

        return TypedResults.Ok(suggestions.For(user, q.Trim(), from, max));
    }

    private static ProblemHttpResult Invalid(string detail) =>
        ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Invalid suggestion request", detail);
}
