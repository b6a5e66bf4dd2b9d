namespace TeamWiki.Web.Insights;

/// <summary>Registers insights and the one home of the content-gap rule.</summary>
public static class InsightsSetup
{
    /// <summary>Adds the services.</summary>
    public static WebApplicationBuilder AddTeamWikiInsights(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InsightsService>();
        builder.Services.AddSingleton<ReaderSearch>();
        return builder;
    }
}
