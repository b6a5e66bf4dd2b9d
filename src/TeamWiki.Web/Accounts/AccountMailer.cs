using System.Threading.Channels;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// Sends account e-mail (reset links, invitations) in the background. Queuing instead of sending in the
/// request keeps the forgotten-password form equally fast for addresses with and without an account,
/// and an unreachable mail server never makes a form fail. Log lines name the kind of mail only: links
/// hold secrets and addresses are personal.
/// </summary>
public sealed class AccountMailer(IOptionsMonitor<SmtpOptions> options, ILogger<AccountMailer> logger) : BackgroundService
{
    /// <summary>Mails waiting; when full, the oldest waiting mail still goes out and the newest is dropped.</summary>
    private const int QueueLength = 200;

    private readonly Channel<(string Kind, MimeMessage Message)> _queue = Channel.CreateBounded<(string, MimeMessage)>(
        new BoundedChannelOptions(QueueLength) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>True when SMTP is configured, so mail will be sent.</summary>
    public bool Enabled => options.CurrentValue.Enabled;

    /// <summary>The configured public address without a trailing slash, or null.</summary>
    public string? PublicUrl => string.IsNullOrWhiteSpace(options.CurrentValue.PublicUrl) ? null : options.CurrentValue.PublicUrl.TrimEnd('/');

    /// <summary>Queues a plain-text mail; false (nothing queued) when SMTP is not configured.</summary>
    public bool Queue(string kind, string toName, string toEmail, string subject, string text)
    {
        var o = options.CurrentValue;
        if (!o.Enabled)
        {
            return false;
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(new MailboxAddress(toName, toEmail));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };
        if (!_queue.Writer.TryWrite((kind, message)))
        {
            logger.LogWarning("The account e-mail queue is full; a {Kind} e-mail was not sent", kind);
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (kind, message) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(message, stoppingToken);
                logger.LogInformation("Sent a {Kind} e-mail", kind);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // MailKit's messages name host and protocol, never the password.
                logger.LogWarning("Could not send a {Kind} e-mail: {Error}", kind, ex.Message);
            }
        }
    }

    private async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.CurrentValue;
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.Host!, o.Port, o.Security, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }

        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}
