using TeamWiki.Storage.Problems;

namespace TeamWiki.Web.Conversation;

/// <summary>A refused conversation action, with a message people can act on.</summary>
public sealed class ConversationException(ProblemKind kind, string title, string message) : WikiException(kind, title, message)
{
    /// <summary>Bad input (400).</summary>
    public static ConversationException Invalid(string message) => new(ProblemKind.Invalid, "Invalid input", message);

    /// <summary>Not allowed (403).</summary>
    public static ConversationException Forbidden(string message) => new(ProblemKind.Forbidden, "Forbidden", message);

    /// <summary>Not found, or not visible (404).</summary>
    public static ConversationException NotFound(string what) => new(ProblemKind.NotFound, $"{what} not found", $"{what} not found");
}
