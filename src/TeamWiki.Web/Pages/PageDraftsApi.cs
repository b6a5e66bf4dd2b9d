using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Pages;

/// <summary>
/// <c>GET/PUT/DELETE /api/pages/{path}/draft</c>: the caller's own draft of a page (<see cref="PageDrafts"/>).
/// Reached through <see cref="PagesApi"/>'s catch-all routes. A draft belongs to someone who may write the
/// page's space; anyone else gets the same answers as for any page there (404 hidden, 403 read-only).
/// </summary>
internal static class PageDraftsApi
{
    public static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> GetAsync(PagePath path, PageDrafts drafts, SpaceAccess access, ClaimsPrincipal user)
    {
        if (Guard(access, user, path) is { } denied)
        {
            return denied;
        }

        var draft = await drafts.GetAsync(user.UserId()!, path);
        return draft is null
            ? ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "No draft", $"You have no draft of '{path}'")
            : TypedResults.Ok(new DraftResponse(draft.Path, draft.Markdown, draft.Title, draft.BaseRevision, draft.Saved));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> PutAsync(PagePath path, SavePageRequest? body, HttpContext http, PageDrafts drafts, SpaceAccess access, ClaimsPrincipal user)
    {
        if (Guard(access, user, path) is { } denied)
        {
            return denied;
        }

        if (body?.Markdown is null)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Missing markdown", "The body must be JSON with a \"markdown\" string");
        }

        var limit = http.RequestServices.GetRequiredService<IOptions<TeamWikiOptions>>().Value.MaxPageBytes;
        var size = System.Text.Encoding.UTF8.GetByteCount(body.Markdown);
        if (size > limit)
        {
            throw new PageTooLargeException(path, size, limit);
        }

        await drafts.SaveAsync(user.UserId()!, path, body.Markdown, null, string.IsNullOrWhiteSpace(body.BaseRevision) ? null : body.BaseRevision.Trim());
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(PagePath path, PageDrafts drafts, SpaceAccess access, ClaimsPrincipal user)
    {
        if (Guard(access, user, path) is { } denied)
        {
            return denied;
        }

        await drafts.DeleteAsync(user.UserId()!, path);
        return TypedResults.NoContent();
    }

    // Drafts are personal: a caller without an account id (anonymous reading) has none, as if read-only.
    private static ProblemHttpResult? Guard(SpaceAccess access, ClaimsPrincipal user, PagePath path) =>
        SpaceGuard.WritePage(access, user, path)
        ?? (user.UserId() is null ? ApiExceptionFilter.Problem(StatusCodes.Status403Forbidden, "Forbidden", "Drafts belong to signed-in accounts") : null);
}
