using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Pages;

/// <summary>
/// <c>GET /api/trash?space=</c>: the pages deleted in a space and not back since; and
/// <c>POST /api/pages/{path}/restore</c> (through <see cref="PagesApi"/>), which brings one back with its
/// history. The trash is readable by the space's readers, as the deleted pages' history is; restoring
/// needs the right to write pages there.
/// </summary>
public static class TrashApi
{
    /// <summary>Maps <c>GET /api/trash</c>.</summary>
    public static void MapTrashApi(this RouteGroupBuilder api) =>
        api.MapGet("/trash", List).Refuses(ProblemKind.Invalid, ProblemKind.NotFound);

    private static Results<Ok<List<TrashEntryResponse>>, ProblemHttpResult> List(string? space, IPageStore pages, SpaceAccess access, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(space))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Missing space", "Give ?space=KEY");
        }

        if (access.ReadableSpace(user, space) is not { } readable)
        {
            return SpaceGuard.NotFound("Space");
        }

        // The newest deletions only (DeletedPage.MostListed): the rest stay restorable by their address.
        return TypedResults.Ok(pages.Trash(readable.Key, DeletedPage.MostListed).Select(d => new TrashEntryResponse(d.Path.Value, d.Title, d.DeletedBy, d.Deleted, d.Revision)).ToList());
    }

    /// <summary>Restores a deleted page; the body (optional) may name the revision to take its text from.</summary>
    internal static async Task<Results<Created<SavePageResponse>, ProblemHttpResult>> RestoreAsync(PagePath path, HttpContext http, IPageStore pages, SpaceAccess access, ReaderHistory histories, ClaimsPrincipal user)
    {
        if (SpaceGuard.WritePage(access, user, path) is { } denied)
        {
            return denied;
        }

        var body = http.Request.ContentLength is 0 || (http.Request.ContentLength is null && !http.Request.HasJsonContentType())
            ? null
            : await RequestBody.ReadJsonAsync<RestorePageRequest>(http.Request);
        var revision = string.IsNullOrWhiteSpace(body?.Revision) ? null : body.Revision.Trim();
        if (revision is not null)
        {
            // A version from before the page moved here out of a space the caller may not read stays theirs to read no more than to restore.
            histories.EnsureVisible(user, path, revision);
        }

        var restored = pages.Restore(path, user.ToAuthor(), revision);
        return TypedResults.Created($"/api/pages/{restored.Path}", new SavePageResponse(restored.Path.Value, restored.Revision, restored.Merged));
    }
}
