namespace TeamWiki.Web.Notifications;

/// <summary>
/// Outgoing e-mail (configuration section <c>TeamWiki:Email</c>). Off by default: nothing is ever sent
/// until <see cref="Host"/> is set. Only a daily digest of unread notifications goes out, never one
/// e-mail per event.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "TeamWiki:Email";

    /// <summary>SMTP server; empty (default) means no e-mail at all.</summary>
    public string? Host { get; set; }

    /// <summary>SMTP port (default 587).</summary>
    public int Port { get; set; } = 587;

    /// <summary>"auto" (default: STARTTLS when offered), "none", "starttls" or "ssl".</summary>
    public string Security { get; set; } = "auto";

    /// <summary>Login name, when the server wants one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for <see cref="UserName"/> (never logged).</summary>
    public string? Password { get; set; }

    /// <summary>Sender address (default <c>teamwiki@localhost</c>).</summary>
    public string From { get; set; } = "teamwiki@localhost";

    /// <summary>The wiki's public address, for links in e-mails (e.g. https://wiki.example.nl).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Hour of the day (UTC, 0–23) after which the daily digest goes out (default 6).</summary>
    public int DigestHour { get; set; } = 6;

    /// <summary>True when e-mail is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
