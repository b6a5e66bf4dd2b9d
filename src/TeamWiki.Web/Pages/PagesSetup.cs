namespace TeamWiki.Web.Pages;

/// <summary>Registers what pages need beyond the page store: drafts, link rewriting on a move, and redirects from old addresses.</summary>
public static class PagesSetup
{
    /// <summary>Adds the services.</summary>
    public static WebApplicationBuilder AddTeamWikiPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PageDrafts>();
        builder.Services.AddSingleton<Fields.PageTagSuggestions>();
        builder.Services.AddSingleton<Markup.MovedPageLinks>();
        return builder;
    }

    /// <summary>Old page addresses redirect (after sign-in, before the page view cache).</summary>
    public static IApplicationBuilder UseTeamWikiPageRedirects(this IApplicationBuilder app) =>
        app.UseMiddleware<PageRedirectMiddleware>();
}
