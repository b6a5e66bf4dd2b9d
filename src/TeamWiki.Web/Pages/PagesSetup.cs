namespace TeamWiki.Web.Pages;

/// <summary>Registers what pages need beyond the page store: drafts, link rewriting on a move, and redirects from old addresses.</summary>
public static class PagesSetup
{
    /// <summary>Adds the services.</summary>
    public static WebApplicationBuilder AddTeamWikiPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PageDrafts>();
        builder.Services.AddSingleton<Markup.MovedPageLinks>();
        return builder;
    }
}
