namespace TeamWiki.Web.Activity;

/// <summary>Registers the activity feeds and the notifier that follows the change feed.</summary>
public static class ActivitySetup
{
    /// <summary>Adds the services and the notifier.</summary>
    public static WebApplicationBuilder AddTeamWikiActivity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentActivity>();
        builder.Services.AddSingleton<ActivityFeed>();
        builder.Services.AddSingleton<ChangeNotifier>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeNotifier>());
        return builder;
    }
}
