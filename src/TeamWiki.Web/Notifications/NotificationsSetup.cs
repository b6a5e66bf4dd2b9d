using System.Security.Claims;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Notifications;

/// <summary>Registers notifications, watches, the bell's hub, the e-mail digest and due-date reminders.</summary>
public static class NotificationsSetup
{
    /// <summary>Adds the services and their background workers.</summary>
    public static WebApplicationBuilder AddTeamWikiNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<NotificationHub>();
        services.AddSingleton<BellFragments>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<Watches>();
        services.AddSingleton<WatchTargets>();
        services.AddSingleton<Inbox>();
        services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<DigestSender>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestSender>());
        services.AddSingleton<DueDateReminder>();
        services.AddHostedService(sp => sp.GetRequiredService<DueDateReminder>());
        return builder;
    }

    /// <summary>Maps <c>/notifications/{id}/open</c>: marks a notification read and goes to what it is about.</summary>
    public static WebApplication MapTeamWikiNotifications(this WebApplication app)
    {
        app.MapGet("/notifications/{id:long}/open", async (long id, ClaimsPrincipal user, Inbox inbox) =>
            await inbox.MarkReadAsync(user.UserId()!, id) is { } n && n.Url.StartsWith('/') && !n.Url.StartsWith("//", StringComparison.Ordinal) && !n.Url.StartsWith("/\\", StringComparison.Ordinal)
                ? Results.Redirect(n.Url)
                : Results.Redirect("/notifications")).RequireAuthorization(WikiPolicies.Write);
        app.MapBellSocket();
        return app;
    }
}
