namespace TeamWiki.Storage.Conversation;

/// <summary>One person's reaction (an emoji) to a post or reply.</summary>
public sealed class Reaction
{
    /// <summary>The emoji people may react with.</summary>
    public static readonly IReadOnlyList<string> Allowed = ["👍", "❤️", "🎉", "😄", "🤔", "👀"];

    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>"post" or "reply".</summary>
    public string TargetType { get; set; } = "";

    /// <summary>Id of the post or reply.</summary>
    public long TargetId { get; set; }

    /// <summary>Who reacted.</summary>
    public string UserId { get; set; } = "";

    /// <summary>One of <see cref="Allowed"/>.</summary>
    public string Emoji { get; set; } = "";

    /// <summary>When.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
