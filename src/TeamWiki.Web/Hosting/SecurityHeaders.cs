namespace TeamWiki.Web.Hosting;

/// <summary>
/// Headers that keep a page's content from doing harm even if something slipped past the sanitiser:
/// scripts only from our own origin, no framing, no MIME sniffing. <c>/files</c> sets its own stricter policy.
/// </summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseTeamWikiSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = Policy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
