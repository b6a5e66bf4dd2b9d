using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.Problems;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Markup;
using TeamWiki.Web.Pages.Links;

namespace TeamWiki.Web.Pages;

using PageRead = Results<Ok<PageResponse>, Ok<List<HistoryEntryResponse>>, Ok<DiffResponse>, Ok<List<BacklinkResponse>>, Ok<DraftResponse>, ProblemHttpResult>;

/// <summary>
/// <c>/api/pages/{path}</c>: read, save, delete, move, history, diff, backlinks, revert, restore, checkbox ticks, media and drafts.
/// A catch-all route cannot be followed by more segments, so <c>…/history</c>, <c>…/diff</c>,
/// <c>…/backlinks</c>, <c>…/move</c>, <c>…/revert</c>, <c>…/restore</c>, <c>…/checkbox</c>, <c>…/media</c> and <c>…/draft</c> are told apart
/// here; a page that really is called "history" (or "draft") still wins.
/// </summary>
public static class PagesApi
{
    /// <summary>Maps the routes.</summary>
    public static void MapPagesApi(this RouteGroupBuilder api, long maxPageBytes)
    {
        var pages = api.MapGroup("/pages");
        pages.MapGet("/{**path}", Get).WithName("GetPage")
            .Refuses(ProblemKind.Invalid, ProblemKind.NotFound);
        pages.MapPut("/{**path}", Save).RequireAuthorization(WikiPolicies.Write)
            .WithMetadata(new RequestSizeLimitAttribute(maxPageBytes * 2 + 1024 * 1024))
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.TooLarge, ProblemKind.UnsupportedBody, ProblemKind.Busy);
        pages.MapDelete("/{**path}", Delete).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Busy);
        pages.MapPost("/{**path}", Post).RequireAuthorization(WikiPolicies.Write)
            .Refuses(ProblemKind.Invalid, ProblemKind.Forbidden, ProblemKind.NotFound, ProblemKind.Conflict, ProblemKind.TooLarge, ProblemKind.UnsupportedBody, ProblemKind.Busy);
    }

    private static async Task<PageRead> Get(string path, [FromQuery] string? revision, [FromQuery] string? from, [FromQuery] string? to,
        IPageStore store, PageRenderer renderer, SpaceAccess access, ReaderHistory histories, Backlinks backlinks, PageDrafts drafts, ClaimsPrincipal user)
    {
        if (Command(path, "draft") is { } draftOf && store.Get(PagePath.Parse(path)) is null)
        {
            return await PageDraftsApi.GetAsync(draftOf, drafts, access, user) switch
            {
                { Result: Ok<DraftResponse> ok } => ok,
                { Result: var problem } => (ProblemHttpResult)problem,
            };
        }

        if (SpaceGuard.Read(access, user, PagePath.Parse(path).Space) is { } denied)
        {
            return denied;
        }

        if (Command(path, "history") is { } historyOf && store.Get(PagePath.Parse(path)) is null)
        {
            return History(historyOf, histories, user);
        }

        if (Command(path, "diff") is { } diffOf && store.Get(PagePath.Parse(path)) is null)
        {
            return Diff(diffOf, from, to, store, histories, user);
        }

        if (Command(path, "backlinks") is { } linkedTo && store.Get(PagePath.Parse(path)) is null)
        {
            return Backlinks(linkedTo, store, backlinks, access, user);
        }

        var page = store.Get(PagePath.Parse(path), NullIfEmpty(revision));
        return page is null
            ? ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Page not found", $"Page '{PagePath.Parse(path)}' does not exist")
            : TypedResults.Ok(ToResponse(page, renderer.Render(page, access.Readable(user))));
    }

    private static PageRead History(PagePath path, ReaderHistory histories, ClaimsPrincipal user)
    {
        var history = histories.Of(user, path);
        return history.Count == 0
            ? ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Page not found", $"Page '{path}' has no history")
            : TypedResults.Ok(history.Select(h => new HistoryEntryResponse(h.Revision, h.Author, h.Date, h.Message.TrimEnd(), h.Path)).ToList());
    }

    /// <summary>The pages linking to a page that the caller may read; a missing page answers as any missing page.</summary>
    private static PageRead Backlinks(PagePath path, IPageStore store, Backlinks backlinks, SpaceAccess access, ClaimsPrincipal user) =>
        store.Get(path) is null
            ? ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Page not found", $"Page '{path}' does not exist")
            : TypedResults.Ok(backlinks.To(path, access.Readable(user)).Select(b => new BacklinkResponse(b.Path, b.Title, b.Space)).ToList());

    private static PageRead Diff(PagePath path, string? from, string? to, IPageStore store, ReaderHistory histories, ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Missing revision", "Give ?from=R1 (and optionally &to=R2; default: the latest revision)");
        }

        var target = NullIfEmpty(to) ?? store.Get(path)?.Revision ?? throw new PageNotFoundException(path);
        histories.EnsureVisible(user, path, from);
        histories.EnsureVisible(user, path, target);
        var diff = store.Diff(path, from, target);
        return TypedResults.Ok(new DiffResponse(diff.Path, diff.From, diff.To, diff.Patch, diff.OldText, diff.NewText));
    }

    private static async Task<Results<Created<SavePageResponse>, Ok<SavePageResponse>, NoContent, ProblemHttpResult>> Save(string path, SavePageRequest? body, HttpContext http,
        IPageStore store, ClaimsPrincipal user, SpaceAccess access, IContentCatalog catalog, PageDrafts drafts)
    {
        if (Command(path, "draft") is { } draftOf && store.Get(PagePath.Parse(path)) is null)
        {
            return await PageDraftsApi.PutAsync(draftOf, body, http, drafts, access, user) switch
            {
                { Result: NoContent done } => done,
                { Result: var problem } => (ProblemHttpResult)problem,
            };
        }

        var page = PagePath.Parse(path);
        if (WriteInExistingSpace(access, user, page, catalog) is { } denied)
        {
            return denied;
        }

        if (body?.Markdown is null)
        {
            return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Missing markdown", "The body must be JSON with a \"markdown\" string");
        }

        var result = store.Save(new PageSave(page, body.Markdown, user.ToAuthor(), body.Message, NullIfEmpty(body.BaseRevision)));
        var response = new SavePageResponse(result.Path.Value, result.Revision, result.Merged);
        return result.Created
            ? TypedResults.Created($"/api/pages/{result.Path}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<SavePageResponse>, NoContent, ProblemHttpResult>> Delete(string path, IPageStore store, ClaimsPrincipal user, SpaceAccess access, PageDrafts drafts)
    {
        if (Command(path, "draft") is { } draftOf && store.Get(PagePath.Parse(path)) is null)
        {
            return await PageDraftsApi.DeleteAsync(draftOf, drafts, access, user) switch
            {
                { Result: NoContent done } => done,
                { Result: var problem } => (ProblemHttpResult)problem,
            };
        }

        var page = PagePath.Parse(path);
        if (SpaceGuard.WritePage(access, user, page) is { } denied)
        {
            return denied;
        }

        var result = store.Delete(page, user.ToAuthor());
        return TypedResults.Ok(new SavePageResponse(result.Path.Value, result.Revision, false));
    }

    private static async Task<Results<Ok<SavePageResponse>, Ok<MovePageResponse>, Ok<CheckboxResponse>, Created<SavePageResponse>, Created<List<PageMediaResponse>>, ProblemHttpResult>> Post(string path, HttpContext http,
        IPageStore store, ClaimsPrincipal user, SpaceAccess access, ReaderHistory histories, IContentCatalog catalog, MovedPageLinks links, LinkGraph graph, MarkdownRenderer renderer,
        TeamWiki.Storage.Media.PageMedia media, Microsoft.Extensions.Options.IOptions<TeamWikiOptions> options)
    {
        if (Command(path, "media") is { } mediaOf && store.Get(PagePath.Parse(path)) is null)
        {
            return await PageMediaApi.UploadAsync(mediaOf, http, media, access, catalog, user, options) switch
            {
                { Result: Created<List<PageMediaResponse>> created } => created,
                { Result: var problem } => (ProblemHttpResult)problem,
            };
        }

        if (Command(path, "checkbox") is { } ticked && store.Get(PagePath.Parse(path)) is null)
        {
            return await PageCheckboxApi.TickAsync(ticked, http, store, access, histories, catalog, renderer, user) switch
            {
                { Result: Ok<CheckboxResponse> ok } => ok,
                { Result: var problem } => (ProblemHttpResult)problem,
            };
        }

        if (Command(path, "restore") is { } deleted)
        {
            return await TrashApi.RestoreAsync(deleted, http, store, access, histories, user) switch
            {
                { Result: Created<SavePageResponse> created } => created,
                { Result: var problem } => (ProblemHttpResult)problem,
            };
        }

        if (Command(path, "move") is { } from)
        {
            var body = await RequestBody.ReadJsonAsync<MovePageRequest>(http.Request);
            if (string.IsNullOrWhiteSpace(body?.To))
            {
                return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Missing target", "The body must be JSON with a \"to\" page path");
            }

            var to = PagePath.Parse(body.To);
            if ((SpaceGuard.WritePage(access, user, from) ?? WriteInExistingSpace(access, user, to, catalog)) is { } denied)
            {
                return denied;
            }

            // Links are rewritten only in spaces the mover may change, resolved as the mover reads them.
            var snapshot = catalog.Current;
            var rewrites = body.RewriteLinks == true
                ? links.Find(snapshot, store, access.Readable(user), snapshot.Spaces.Select(s => s.Key).Where(k => access.For(user, k).WritePages).ToHashSet(StringComparer.Ordinal), from, to, graph.CandidatesUnder(from, snapshot))
                : [];
            var moved = store.Move(from, to, user.ToAuthor(), rewrites, snapshot.Commit);
            return TypedResults.Ok(new MovePageResponse(moved.Path.Value, moved.Revision, moved.Merged, rewrites.Select(r => r.Path.Value).ToList()));
        }

        if (Command(path, "revert") is { } page)
        {
            if (WriteInExistingSpace(access, user, page, catalog) is { } denied)
            {
                return denied;
            }

            var body = await RequestBody.ReadJsonAsync<RevertPageRequest>(http.Request);
            if (string.IsNullOrWhiteSpace(body?.Revision))
            {
                return ApiExceptionFilter.Problem(StatusCodes.Status400BadRequest, "Missing revision", "The body must be JSON with a \"revision\"");
            }

            // A version from before the page moved here out of a space the caller may not read is theirs to restore no more than to read.
            histories.EnsureVisible(user, page, body.Revision);
            var reverted = store.Revert(page, body.Revision, user.ToAuthor());
            return TypedResults.Ok(new SavePageResponse(reverted.Path.Value, reverted.Revision, false));
        }

        return ApiExceptionFilter.Problem(StatusCodes.Status404NotFound, "Not found", "POST /api/pages/{path}/move, /revert, /restore, /checkbox or /media");
    }

    /// <summary>
    /// Pages are written only in spaces that exist (spaces are made through <c>POST /api/spaces</c>). A
    /// space that does not exist answers exactly as one the caller may not see, so neither reveals the other.
    /// </summary>
    internal static ProblemHttpResult? WriteInExistingSpace(SpaceAccess access, ClaimsPrincipal user, PagePath page, IContentCatalog catalog) =>
        SpaceGuard.WritePage(access, user, page) ?? (catalog.Current.FindSpace(page.Space) is null ? SpaceGuard.NotFound("Page") : null);

    /// <summary>The page path before "/{command}" when <paramref name="path"/> ends with it and the rest is a page path.</summary>
    private static PagePath? Command(string path, string command)
    {
        var suffix = "/" + command;
        return path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && PagePath.TryParse(path[..^suffix.Length], out var page)
            ? page
            : null;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static PageResponse ToResponse(WikiPage page, RenderedMarkdown rendered) =>
        new(page.Path.Value, page.Title, page.Markdown, rendered.Html, page.Revision, page.Author, page.Updated,
            page.Tags, page.Path.Space, page.Meta.Description);
}
