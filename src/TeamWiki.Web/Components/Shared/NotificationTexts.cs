using Microsoft.Extensions.Localization;
using TeamWiki.Storage.Notifications;

namespace TeamWiki.Web.Components.Shared;

/// <summary>What a notification says happened, translated.</summary>
public static class NotificationTexts
{
    /// <summary>"mentioned you in", "replied to", …</summary>
    public static string NotificationText(this IStringLocalizer l, string kind) => kind switch
    {
        NotificationKinds.Mention => l["mentioned you in"],
        NotificationKinds.Reply => l["replied to"],
        NotificationKinds.Comment => l["commented on"],
        NotificationKinds.Answer => l["marked your reply as the answer to"],
        NotificationKinds.Assigned => l["assigned you"],
        NotificationKinds.DueSoon => l["is due soon:"],
        NotificationKinds.Changed => l["changed"],
        NotificationKinds.Post => l["posted in a stream you watch:"],
        _ => kind,
    };
}
