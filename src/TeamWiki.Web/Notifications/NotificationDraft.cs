namespace TeamWiki.Web.Notifications;

/// <summary>What happened, before it is addressed to anyone.</summary>
/// <param name="Kind">One of <see cref="TeamWiki.Storage.Notifications.NotificationKinds"/>.</param>
/// <param name="ActorId">Who did it; they are never notified of their own action. Null for reminders.</param>
/// <param name="ActorName">Their name.</param>
/// <param name="Title">What it is about.</param>
/// <param name="Excerpt">A short plain excerpt.</param>
/// <param name="Url">Where the notification leads.</param>
/// <param name="SpaceKey">The space it happened in; null for the team stream (not for guests).</param>
/// <param name="DedupeKey">When set, a recipient gets this notification at most once.</param>
public sealed record NotificationDraft(
    string Kind,
    string? ActorId,
    string ActorName,
    string Title,
    string Excerpt,
    string Url,
    string? SpaceKey,
    string? DedupeKey = null);
