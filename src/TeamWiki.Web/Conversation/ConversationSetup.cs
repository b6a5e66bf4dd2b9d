using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamWiki.Web.Activity;
using TeamWiki.Web.Insights;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.People;

namespace TeamWiki.Web.Conversation;

/// <summary>Registers the social layer: people, conversation, notifications, activity and insights.</summary>
public static class ConversationSetup
{
    /// <summary>Adds the services and their background workers.</summary>
    public static WebApplicationBuilder AddTeamWikiConversation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<Assignees>();
        services.AddSingleton<Profiles>();
        services.AddSingleton<ConversationText>();
        services.AddSingleton<NotificationHub>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<Watches>();
        services.AddSingleton<WatchTargets>();
        services.AddSingleton<Inbox>();
        services.AddSingleton<Discussions>();
        services.AddSingleton<Comments>();
        services.AddSingleton<Expertise>();
        services.AddSingleton<ActivityFeed>();
        services.AddSingleton<InsightsService>();
        services.AddSingleton<ReaderSearch>();
        services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<DigestSender>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestSender>());
        services.AddSingleton<DueDateReminder>();
        services.AddHostedService(sp => sp.GetRequiredService<DueDateReminder>());
        services.AddSingleton<ContentEventRecorder>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentEventRecorder>());
        return builder;
    }
}
