using Microsoft.Extensions.Localization;
using TeamWiki.Storage.Notifications;

namespace TeamWiki.Web.Notifications;

/// <summary>What a notification says happened, translated ("notification:{kind}" resources).</summary>
public static class NotificationTexts
{
    private static readonly Dictionary<string, string> English = new()
    {
        [NotificationKinds.Mention] = "mentioned you in",
        [NotificationKinds.Reply] = "replied to",
        [NotificationKinds.Comment] = "commented on",
        [NotificationKinds.Answer] = "marked your reply as the answer to",
        [NotificationKinds.Assigned] = "assigned you",
        [NotificationKinds.DueSoon] = "is due soon:",
        [NotificationKinds.Changed] = "changed",
        [NotificationKinds.Post] = "posted in a stream you watch:",
    };

    /// <summary>"mentioned you in", "replied to", …</summary>
    public static string NotificationText(this IStringLocalizer l, string kind) =>
        l["notification:" + kind] is { ResourceNotFound: false } found ? found.Value : English.GetValueOrDefault(kind, kind);
}
