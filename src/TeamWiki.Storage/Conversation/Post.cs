namespace TeamWiki.Storage.Conversation;

/// <summary>A message in a discussion stream: a space's, or the whole team's when <see cref="SpaceKey"/> is null.</summary>
public sealed class Post
{
    /// <summary>Largest post, reply or comment, in characters.</summary>
    public const int MaxMarkdownLength = 20_000;

    /// <summary>Most tags on one post.</summary>
    public const int MaxTags = 10;

    /// <summary>Number of the post.</summary>
    public long Id { get; set; }

    /// <summary>The space whose stream it is in; null for the team stream.</summary>
    public string? SpaceKey { get; set; }

    /// <summary>Who wrote it.</summary>
    public string AuthorId { get; set; } = "";

    /// <summary>The text, Markdown.</summary>
    public string Markdown { get; set; } = "";

    /// <summary>Tags, lower case, separated by single spaces.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Asked as a question: a reply can then be marked as its answer.</summary>
    public bool IsQuestion { get; set; }

    /// <summary>The reply marked as the answer.</summary>
    public long? AnswerReplyId { get; set; }

    /// <summary>When the answer was marked.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When its author last changed it.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>When it was removed (the text is kept out of sight, the thread stays).</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The replies.</summary>
    public List<Reply> Replies { get; set; } = [];

    /// <summary>The tags as a list.</summary>
    public IReadOnlyList<string> TagList => Tags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
