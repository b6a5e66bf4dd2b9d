namespace TeamWiki.Web.Accounts;

/// <summary>Password-reset links (configuration section <c>TeamWiki:PasswordReset</c>).</summary>
public sealed class PasswordResetOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "TeamWiki:PasswordReset";

    /// <summary>How long a reset link works, in hours (default 24). A link also stops working once used.</summary>
    public int ValidHours { get; set; } = 24;

    /// <summary>
    /// Least time between two forgotten-password e-mails to one address, in minutes (default 5), so the
    /// form cannot be used to flood someone's inbox.
    /// </summary>
    public int MinutesBetweenMails { get; set; } = 5;
}
