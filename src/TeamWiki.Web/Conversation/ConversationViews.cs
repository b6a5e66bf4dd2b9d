using TeamWiki.Web.Accounts;
using TeamWiki.Web.People;

namespace TeamWiki.Web.Conversation;

/// <summary>How many people reacted with one emoji, and whether the viewer did.</summary>
public sealed record ReactionCount(string Emoji, int Count, bool Mine);

/// <summary>A post as a reader sees it.</summary>
public sealed record PostView(
    long Id,
    string? Space,
    Person Author,
    string Markdown,
    string Html,
    IReadOnlyList<string> Tags,
    bool IsQuestion,
    long? AnswerReplyId,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    IReadOnlyList<ReplyView> Replies,
    IReadOnlyList<ReactionCount> Reactions,
    IReadOnlyList<LinkCard> Cards,
    bool CanMarkAnswer,
    bool CanDelete)
{
    /// <summary>The post's page.</summary>
    public string Url => $"/posts/{Id}";
}

/// <summary>A reply as a reader sees it.</summary>
public sealed record ReplyView(
    long Id,
    Person Author,
    string Markdown,
    string Html,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    bool IsAnswer,
    IReadOnlyList<ReactionCount> Reactions,
    bool CanDelete);

/// <summary>A comment as a reader sees it; replies (one level) are nested.</summary>
public sealed record CommentView(
    long Id,
    string Target,
    long? ParentId,
    Person Author,
    string Markdown,
    string Html,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    bool CanEdit,
    bool CanDelete,
    IReadOnlyList<CommentView> Replies)
{
    /// <summary>The anchor of the comment on its target's page.</summary>
    public string Anchor => $"comment-{Id}";
}
