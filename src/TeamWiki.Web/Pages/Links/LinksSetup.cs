namespace TeamWiki.Web.Pages.Links;

/// <summary>Registers the link graph and the backlinks it answers.</summary>
public static class LinksSetup
{
    /// <summary>One graph for the process, kept in memory and caught up from the change feed on every question.</summary>
    public static WebApplicationBuilder AddTeamWikiPageLinks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LinkGraph>();
        builder.Services.AddSingleton<Backlinks>();
        builder.Services.AddSingleton<PageSuggestions>();
        return builder;
    }
}
