using TeamWiki.Storage.Pages;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Pages;

/// <summary>
/// Old page addresses keep working after a move: <c>/wiki/{old}</c> answers 301 and <c>/api/pages/{old}…</c>
/// 308 (method and body kept) to the page's address now, as recorded in the spaces' redirect files
/// (<see cref="PageRedirects"/>). Runs after sign-in and before the page view cache, and only for an
/// address where no page exists. A reader is sent on only when they may read both the old and the new
/// space; anyone else gets the usual "not found", so a redirect never tells where a page went.
/// </summary>
public sealed class PageRedirectMiddleware(RequestDelegate next, PageRedirects redirects, SpaceAccess access, IContentCatalog catalog)
{
    // Commands on an old address that act on that address itself, not on the page that left it.
    private static readonly string[] OwnAddressCommands = ["restore", "draft"];

    /// <summary>Redirects or passes the request on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        if (Target(context) is { } location)
        {
            context.Response.StatusCode = location.Api ? StatusCodes.Status308PermanentRedirect : StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = location.Url + context.Request.QueryString;
            // Whether someone is redirected depends on what they may read: no shared or lasting cache keeps it.
            context.Response.Headers.CacheControl = "private, no-store";
            return;
        }

        await next(context);
    }

    private (string Url, bool Api)? Target(HttpContext context)
    {
        var path = context.Request.Path;
        var reading = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (reading && path.StartsWithSegments("/wiki", out var page))
        {
            return Resolve(context, Unescape(page), allowCommand: false) is { } moved ? ($"/wiki/{moved.Page}", false) : null;
        }

        if (path.StartsWithSegments("/api/pages", out var api))
        {
            return Resolve(context, Unescape(api), allowCommand: true) is { } moved ? ($"/api/pages/{moved.Page}{moved.Command}", true) : null;
        }

        return null;
    }

    private (string Page, string Command)? Resolve(HttpContext context, string raw, bool allowCommand)
    {
        var isPath = PagePath.TryParse(raw, out var whole);
        if (isPath && Leads(context, whole) is { } direct)
        {
            return (direct.Value, "");
        }

        // "…/history" and the like on an old address; a page that really has that name wins.
        var slash = raw.LastIndexOf('/');
        if (!allowCommand || slash <= 0 || isPath && catalog.Current.Find(whole) is not null)
        {
            return null;
        }

        var command = raw[(slash + 1)..];
        return !OwnAddressCommands.Contains(command, StringComparer.OrdinalIgnoreCase) && PagePath.TryParse(raw[..slash], out var before)
            && Leads(context, before) is { } moved
            ? (moved.Value, "/" + command)
            : null;
    }

    private PagePath? Leads(HttpContext context, PagePath old) =>
        redirects.Resolve(old) is { } target && access.CanRead(context.User, old.Space) && access.CanRead(context.User, target.Space) ? target : null;

    private static string Unescape(PathString rest) => Uri.UnescapeDataString(rest.Value ?? "").Trim('/');
}
