using Microsoft.AspNetCore.Components.Endpoints;

namespace TeamWiki.Web.Hosting;

/// <summary>
/// Headers that keep a page's content from doing harm even if something slipped past the sanitiser:
/// scripts only from our own origin, no framing, no MIME sniffing.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of every page and of every response that does not bring its own.</summary>
    public static readonly ContentSecurityPolicy Policy = ContentSecurityPolicy.Parse(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");

    private static readonly string PolicyText = Policy.ToString();

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseTeamWikiSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                // A document's content may be framed by our own preview (SAMEORIGIN, set by its endpoint).
                if (!headers.ContainsKey("X-Frame-Options"))
                {
                    headers.XFrameOptions = "DENY";
                }

                if (PolicyFor(context) is { } policy)
                {
                    headers.ContentSecurityPolicy = policy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// Pages get our policy merged with whatever Blazor added (its <c>frame-ancestors</c>); a page may
    /// tighten the policy, never loosen it. Other endpoints that set a policy of their own (<c>/files</c>,
    /// a document's content: sandboxed, or framable by our own PDF preview) chose it for that content and
    /// keep it (null: leave the header alone). Everything else gets ours.
    /// </summary>
    private static string? PolicyFor(HttpContext context)
    {
        var existing = context.Response.Headers.ContentSecurityPolicy;
        if (existing.Count == 0)
        {
            return PolicyText;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            return null;
        }

        return existing.Aggregate(Policy, (policy, added) => policy.MergedWith(ContentSecurityPolicy.Parse(added))).ToString();
    }
}
