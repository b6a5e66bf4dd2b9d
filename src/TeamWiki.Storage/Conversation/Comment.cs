namespace TeamWiki.Storage.Conversation;

/// <summary>
/// A comment on a page, task or document. Threads are one level deep: a reply to a reply is attached to
/// the comment that started the thread.
/// </summary>
public sealed class Comment
{
    /// <summary>Comment number.</summary>
    public long Id { get; set; }

    /// <summary>What it is about: <c>page:{path}</c>, <c>task:{KEY}</c> or <c>document:{id}</c>.</summary>
    public string Target { get; set; } = "";

    /// <summary>The space of the target (for access checks and insights).</summary>
    public string SpaceKey { get; set; } = "";

    /// <summary>The comment this one replies to, or null for a new thread.</summary>
    public long? ParentId { get; set; }

    /// <summary>Who wrote it.</summary>
    public string AuthorId { get; set; } = "";

    /// <summary>The text, Markdown.</summary>
    public string Markdown { get; set; } = "";

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its author last changed it.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>When it was removed; it then shows as "removed".</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Who removed it.</summary>
    public string? DeletedById { get; set; }
}
