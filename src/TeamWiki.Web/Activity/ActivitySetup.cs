namespace TeamWiki.Web.Activity;

/// <summary>Registers the activity feeds and the recorder that follows the change feed.</summary>
public static class ActivitySetup
{
    /// <summary>Adds the services and the recorder.</summary>
    public static WebApplicationBuilder AddTeamWikiActivity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentActivity>();
        builder.Services.AddSingleton<ActivityFeed>();
        builder.Services.AddSingleton<ContentEventRecorder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ContentEventRecorder>());
        return builder;
    }
}
