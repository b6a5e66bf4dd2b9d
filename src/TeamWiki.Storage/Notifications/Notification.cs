namespace TeamWiki.Storage.Notifications;

/// <summary>Something one person should know about, shown under the bell (and in the daily digest when e-mail is set up).</summary>
public sealed class Notification
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>Who it is for.</summary>
    public string UserId { get; set; } = "";

    /// <summary>What happened: see <see cref="NotificationKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Who did it (null for the system, e.g. a due date).</summary>
    public string? ActorId { get; set; }

    /// <summary>Their display name at the time.</summary>
    public string ActorName { get; set; } = "";

    /// <summary>What it is about, e.g. a page title.</summary>
    public string Title { get; set; } = "";

    /// <summary>A short excerpt of the text (plain).</summary>
    public string Excerpt { get; set; } = "";

    /// <summary>Where it leads in the wiki (a local address).</summary>
    public string Url { get; set; } = "";

    /// <summary>The space it happened in, when any.</summary>
    public string? SpaceKey { get; set; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the person opened or dismissed it.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When it went out in an e-mail digest.</summary>
    public DateTimeOffset? EmailedAt { get; set; }

    /// <summary>Prevents the same reminder twice (e.g. "due:ATL-3:2026-11-25").</summary>
    public string? DedupeKey { get; set; }
}
