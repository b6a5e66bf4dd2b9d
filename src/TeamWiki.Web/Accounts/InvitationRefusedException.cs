using TeamWiki.Storage.Problems;

namespace TeamWiki.Web.Accounts;

/// <summary>An invitation that was not made, revoked or accepted, and why; nothing was written.</summary>
public sealed class InvitationRefusedException(ProblemKind kind, string title, string message) : WikiException(kind, title, message)
{
    /// <summary>Bad input (400).</summary>
    public static InvitationRefusedException Invalid(string message) => new(ProblemKind.Invalid, "Invitation not valid", message);

    /// <summary>The caller may not invite this way (403).</summary>
    public static InvitationRefusedException Forbidden(string message) => new(ProblemKind.Forbidden, "Not allowed", message);

    /// <summary>No such space or invitation, or the caller may not know of it (404).</summary>
    public static InvitationRefusedException NotFound(string what) => new(ProblemKind.NotFound, $"{what} not found", $"No such {what.ToLowerInvariant()}");

    /// <summary>An account or invitation for the address exists, or too many are pending (409).</summary>
    public static InvitationRefusedException Conflict(string message) => new(ProblemKind.Conflict, "Not invited", message);
}
