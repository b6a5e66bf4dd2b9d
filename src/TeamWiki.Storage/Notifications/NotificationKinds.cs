namespace TeamWiki.Storage.Notifications;

/// <summary>The kinds of <see cref="Notification"/>.</summary>
public static class NotificationKinds
{
    /// <summary>Someone @mentioned me.</summary>
    public const string Mention = "mention";

    /// <summary>Someone replied to my post or to a thread I am in.</summary>
    public const string Reply = "reply";

    /// <summary>Someone commented on what I wrote or watch.</summary>
    public const string Comment = "comment";

    /// <summary>My reply was marked as the answer.</summary>
    public const string Answer = "answer";

    /// <summary>A task was assigned to me.</summary>
    public const string Assigned = "assigned";

    /// <summary>A task of mine is due soon.</summary>
    public const string DueSoon = "due";

    /// <summary>A page, task or space I watch changed.</summary>
    public const string Changed = "changed";

    /// <summary>A new post in a stream I watch.</summary>
    public const string Post = "post";
}
