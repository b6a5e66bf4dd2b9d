namespace TeamWiki.Web.Accounts;

/// <summary>Invitation links (configuration section <c>TeamWiki:Invitations</c>).</summary>
public sealed class InvitationOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "TeamWiki:Invitations";

    /// <summary>How long an invitation link works, in days (default 7).</summary>
    public int ValidDays { get; set; } = 7;

    /// <summary>Most pending invitations one person may have out at a time (default 100).</summary>
    public int MaxPendingPerInviter { get; set; } = 100;

    /// <summary>
    /// Most invitations one person may make within <see cref="Window"/> (default 20), revoked ones
    /// included: each may have been e-mailed.
    /// </summary>
    public int MaxPerWindow { get; set; } = 20;

    /// <summary>The sliding window <see cref="MaxPerWindow"/> counts in (default 1 hour).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
