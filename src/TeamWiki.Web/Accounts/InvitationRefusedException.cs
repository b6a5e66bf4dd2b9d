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

    /// <summary>The caller made too many invitations lately (429); <paramref name="wait"/> until the next may be made.</summary>
    public static InvitationRefusedException TooMany(TimeSpan wait) =>
        new(ProblemKind.TooMany, "Too many invitations", TooManyMessage) { RetryAfter = wait };

    /// <summary>What the inviter is told when over <see cref="InvitationOptions.MaxPerWindow"/>.</summary>
    public const string TooManyMessage = "You have sent too many invitations in a short time. Try again later.";

    /// <summary>How long to wait before trying again, for a refusal of kind <see cref="ProblemKind.TooMany"/>.</summary>
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>Whole seconds to wait (at least 1), as <c>Retry-After</c> says them; null when there is no wait.</summary>
    public int? RetryAfterSeconds => RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, object?>? Extensions =>
        RetryAfterSeconds is { } seconds ? new Dictionary<string, object?> { ["retryAfter"] = seconds } : null;
}
