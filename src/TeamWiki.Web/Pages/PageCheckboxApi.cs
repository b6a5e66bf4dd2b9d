using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TeamWiki.Storage.Pages;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Markup;

namespace TeamWiki.Web.Pages;

/// <summary>
/// <c>POST /api/pages/{path}/checkbox</c> with <c>{index, checked, baseRevision}</c>: ticks one task-list
/// checkbox of a page. The box is flipped in the text as it was at <c>baseRevision</c> (what the person saw)
/// and saved with that base through the normal page save, so a tick merges with other edits like any edit,
/// and an overlapping change is the same 409 as for <c>PUT</c>. Reached through <see cref="PagesApi"/>'s
/// catch-all route; refusals come before anything is written.
/// </summary>
internal static class PageCheckboxApi
{
    public static async Task<Results<Ok<CheckboxResponse>, ProblemHttpResult>> TickAsync(PagePath path, HttpContext http, IPageStore store,
        SpaceAccess access, ReaderHistory histories, IContentCatalog catalog, MarkdownRenderer renderer, ClaimsPrincipal user)
    {
        if (PagesApi.WriteInExistingSpace(access, user, path, catalog) is { } denied)
        {
            return denied;
        }

        if (store.Get(path) is null)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Page not found", $"Page '{path}' does not exist");
        }

        var body = await RequestBody.ReadJsonAsync<CheckboxRequest>(http.Request);
        if (body is not { Index: { } index, Checked: { } check } || string.IsNullOrWhiteSpace(body.BaseRevision))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Invalid checkbox",
                "The body must be JSON with \"index\" (a number), \"checked\" (true or false) and \"baseRevision\"");
        }

        var baseRevision = body.BaseRevision.Trim();
        histories.EnsureVisible(user, path, baseRevision);
        if (store.Get(path, baseRevision) is not { } seen)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Invalid base revision", $"Page '{path}' did not exist at revision '{baseRevision}'");
        }

        if (CheckboxTicker.Tick(renderer, seen.Markdown, index, check) is not { } ticked)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "No such checkbox",
                $"Page '{path}' has {renderer.Checkboxes(seen.Body).Count} checkboxes (counted from 0); there is no number {index}");
        }

        var message = $"{(check ? "Tick" : "Untick")} checkbox {index + 1}";
        var result = store.Save(new PageSave(path, ticked, user.ToAuthor(), message, baseRevision));
        return TypedResults.Ok(new CheckboxResponse(result.Path.Value, result.Revision, result.Merged, check));
    }
}
