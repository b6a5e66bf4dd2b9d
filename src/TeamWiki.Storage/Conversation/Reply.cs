namespace TeamWiki.Storage.Conversation;

/// <summary>A reply to a <see cref="Post"/>.</summary>
public sealed class Reply
{
    /// <summary>Number of the reply.</summary>
    public long Id { get; set; }

    /// <summary>The post it answers.</summary>
    public long PostId { get; set; }

    /// <summary>The post it answers.</summary>
    public Post? Post { get; set; }

    /// <summary>Who wrote it.</summary>
    public string AuthorId { get; set; } = "";

    /// <summary>The text, Markdown.</summary>
    public string Markdown { get; set; } = "";

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its author last changed it.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>When it was removed.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}
