using TeamWiki.Web.Hosting;
using TeamWiki.Web.Notifications;

namespace TeamWiki.Web.Pages.Cache;

/// <summary>The page view cache and the parts of a page it fills in per reader.</summary>
public static class PageCacheSetup
{
    /// <summary>Adds the cache (its budget from <see cref="TeamWikiOptions.PageCacheMegabytes"/>), the personal parts and the bell's HTML.</summary>
    public static WebApplicationBuilder AddTeamWikiPageCache(this WebApplicationBuilder builder)
    {
        var megabytes = builder.Configuration.GetValue<int?>($"{TeamWikiOptions.Section}:{nameof(TeamWikiOptions.PageCacheMegabytes)}")
            ?? new TeamWikiOptions().PageCacheMegabytes;
        var services = builder.Services;
        services.AddScoped<TextExpiry>();
        services.AddSingleton<PersonalParts>();
        services.AddSingleton<PageViewKey>();
        services.AddSingleton(new PageViewCache(Math.Max(0, megabytes) * 1024L * 1024L));
        return builder;
    }

    /// <summary>Serves page views from the cache; the last middleware before the endpoints (see <see cref="PageViewCacheMiddleware"/>).</summary>
    public static IApplicationBuilder UseTeamWikiPageCache(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<PageViewCache>().Enabled ? app.UseMiddleware<PageViewCacheMiddleware>() : app;
}
