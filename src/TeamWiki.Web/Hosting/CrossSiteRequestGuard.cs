using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TeamWiki.Web.Hosting;

/// <summary>
/// Refuses (403) a state-changing request that a browser sent on behalf of another site.
/// <para>
/// Why headers and not only antiforgery tokens: the HTTP API is used by the wiki's own scripts (upload,
/// mentions) and by scripts with tokens, and has no form to carry a token. The browser itself tells us
/// where a request comes from, in headers a page cannot set: <c>Sec-Fetch-Site</c> (every current
/// browser) and <c>Origin</c> (sent on every cross-origin POST/PUT/PATCH/DELETE for years). The order:
/// </para>
/// <list type="number">
/// <item><c>Authorization: Bearer</c>: the caller holds a secret no other site can attach; not guarded.</item>
/// <item><c>Sec-Fetch-Site</c> present: only <c>same-origin</c> (our own pages) and <c>none</c> (the person
/// acted directly) pass. <c>same-site</c> is refused too: a sibling sub-domain is another application, and
/// SameSite=Lax cookies do travel with its requests.</item>
/// <item>Otherwise <c>Origin</c> present: its host and port must be ours. The scheme is not compared, because
/// behind a proxy that ends TLS the app sees http while the browser's origin says https.</item>
/// <item>Neither header, and the sign-in cookie is present: a very old browser or a script replaying a
/// cookie. Only endpoints that check an antiforgery token (the forms) accept that; the API refuses it.
/// Without the cookie there is no authority to borrow, so the request goes on (and meets 401).</item>
/// </list>
/// Besides unsafe methods, the Blazor hub (<c>/_blazor</c>) and the bell's socket are guarded, since they act
/// or tell with the person's cookie; a same-origin WebSocket handshake always carries both headers.
/// </summary>
public static class CrossSiteRequestGuard
{
    /// <summary>Adds the guard; place it after routing (so the endpoint is known) and before authentication.</summary>
    public static IApplicationBuilder UseCrossSiteRequestGuard(this IApplicationBuilder app)
    {
        var cookie = app.ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).Cookie.Name ?? "";
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CrossSiteRequestGuard));
        return app.Use(async (context, next) =>
        {
            if (Refusal(context, cookie) is { } reason)
            {
                logger.LogWarning("Refused a cross-site {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, reason);
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
                    detail: "State-changing requests must come from the wiki's own pages or carry an API token.").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
    }

    /// <summary>Why <paramref name="context"/>'s request is refused, or null when it may go on.</summary>
    public static string? Refusal(HttpContext context, string authCookie)
    {
        var request = context.Request;
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                             || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
        if (!unsafeMethod && !request.Path.StartsWithSegments("/_blazor") && !request.Path.StartsWithSegments(Notifications.BellSocket.Path))
        {
            return null;
        }

        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none" ? null : "Sec-Fetch-Site: " + fetchSite;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return IsOwnOrigin(origin, request.Host) ? null : "Origin: " + origin;
        }

        if (!unsafeMethod || !request.Cookies.ContainsKey(authCookie)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
        {
            return null;
        }

        return "a signed-in request without Origin or Sec-Fetch-Site";
    }

    /// <summary>
    /// Same host and port as the Host header. A Host header without a port means the browser used the
    /// default port of the scheme it was on, which is the scheme of its origin.
    /// </summary>
    private static bool IsOwnOrigin(string origin, HostString host)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !host.HasValue || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var port = host.Port ?? (uri.Scheme == "https" ? 443 : 80);
        return string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == port;
    }
}
