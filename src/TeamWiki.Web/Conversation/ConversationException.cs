namespace TeamWiki.Web.Conversation;

/// <summary>A refused conversation action, with the HTTP status the API answers with and a message people can act on.</summary>
public sealed class ConversationException(int status, string title, string message) : Exception(message)
{
    /// <summary>400, 403 or 404.</summary>
    public int Status { get; } = status;

    /// <summary>Short title of the problem.</summary>
    public string Title { get; } = title;

    /// <summary>Bad input (400).</summary>
    public static ConversationException Invalid(string message) => new(StatusCodes.Status400BadRequest, "Invalid input", message);

    /// <summary>Not allowed (403).</summary>
    public static ConversationException Forbidden(string message) => new(StatusCodes.Status403Forbidden, "Forbidden", message);

    /// <summary>Not found, or not visible (404).</summary>
    public static ConversationException NotFound(string what) => new(StatusCodes.Status404NotFound, $"{what} not found", $"{what} not found");
}
