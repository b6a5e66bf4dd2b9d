using MailKit.Security;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// The SMTP server for account e-mail: password-reset links and invitations (configuration section
/// <c>TeamWiki:Smtp</c>). Off until <see cref="Host"/> is set; without it, reset links are made by an
/// administrator and invitation links are shown to the inviter.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "TeamWiki:Smtp";

    /// <summary>SMTP server; empty (default) means no account e-mail.</summary>
    public string? Host { get; set; }

    /// <summary>SMTP port (default 587).</summary>
    public int Port { get; set; } = 587;

    /// <summary>Sender address (default <c>teamwiki@localhost</c>).</summary>
    public string From { get; set; } = "teamwiki@localhost";

    /// <summary>Login name, when the server wants one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for <see cref="UserName"/>; never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// True: TLS is required (TLS from the start on port 465, STARTTLS otherwise); false: plain text (a
    /// relay on the same host); unset (default): STARTTLS when the server offers it.
    /// </summary>
    public bool? UseTls { get; set; }

    /// <summary>
    /// The wiki's public address (e.g. https://wiki.example.nl), the start of links in e-mails. A
    /// forgotten-password e-mail is only sent when this is set: the link must not be built from the Host
    /// header of an anonymous request, which anyone can choose.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>True when e-mail is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>How MailKit secures the connection.</summary>
    public SecureSocketOptions Security => UseTls switch
    {
        null => SecureSocketOptions.StartTlsWhenAvailable,
        false => SecureSocketOptions.None,
        true => Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
    };
}
