using Microsoft.Extensions.Options;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Hosting;
using TeamWiki.Web.Pages;
using TeamWiki.Web.Pages.Cache;

namespace TeamWiki.Web.Startup;

/// <summary>The request pipeline.</summary>
public static class Pipeline
{
    /// <summary>
    /// Middleware in order: the proxy's headers, errors, headers, culture, setup (before sign-in is demanded),
    /// cross-site refusal and sign-in throttling (both before any work is done for the request), who you are,
    /// antiforgery, WebSockets (the bell's live socket), redirects from old page addresses, and last the page view cache (it answers as the page would).
    /// </summary>
    public static WebApplication UseTeamWikiPipeline(this WebApplication app)
    {
        app.UseTeamWikiForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseTeamWikiSecurityHeaders();
        app.UseDatabaseUnavailable();
        app.UseResponseStatus();
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseSetupRedirect();
        app.UseCrossSiteRequestGuard();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseWebSockets();
        app.UseTeamWikiPageRedirects();
        app.UseTeamWikiPageCache();
        return app;
    }

    /// <summary>Until an administrator exists, every page leads to <c>/setup</c>.</summary>
    private static void UseSetupRedirect(this WebApplication app)
    {
        var setup = app.Services.GetRequiredService<SetupState>();
        app.Use(async (context, next) =>
        {
            if (NeedsSetup(context.Request.Path) && !await setup.IsCompleteAsync(context.RequestAborted))
            {
                context.Response.Redirect("/setup");
                return;
            }

            await next(context);
        });
    }

    private static bool NeedsSetup(PathString path) =>
        !(path.StartsWithSegments("/setup") || path.StartsWithSegments("/api") || path.StartsWithSegments("/health")
          || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/_content")
          || path.StartsWithSegments("/culture") || path.StartsWithSegments("/error")
          || Path.HasExtension(path.Value));
}
