using System.Net;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Notifications;

namespace TeamWiki.Web.Notifications;

/// <summary>
/// The daily e-mail digest: once a day, after <see cref="EmailOptions.DigestHour"/>, everyone who wants
/// it and has unread notifications not yet e-mailed gets one message listing them. Does nothing unless
/// SMTP is configured.
/// </summary>
public sealed class DigestSender(
    IOptionsMonitor<EmailOptions> options,
    IDbContextFactory<TeamWikiDbContext> contexts,
    Inbox inbox,
    TimeProvider time,
    ILogger<DigestSender> logger) : Hosting.PeriodicWorker(TimeSpan.FromMinutes(5), time, logger)
{
    /// <summary>Most notifications listed in one digest.</summary>
    public const int MaxItems = 50;

    /// <inheritdoc />
    protected override string Work => "Sending the e-mail digest";

    /// <inheritdoc />
    protected override Task RunOnceAsync(CancellationToken ct)
    {
        var o = options.CurrentValue;
        // The exception text of a failure never holds the password; MailKit reports host and protocol only.
        return o.Enabled && Time.GetUtcNow().Hour >= o.DigestHour ? SendDigestsAsync(ct) : Task.CompletedTask;
    }

    /// <summary>
    /// Sends the digests that are due (at most one per person per day) and returns how many went out.
    /// Without SMTP configured this sends nothing.
    /// </summary>
    public async Task<int> SendDigestsAsync(CancellationToken ct = default)
    {
        var o = options.CurrentValue;
        if (!o.Enabled)
        {
            return 0;
        }

        var now = Time.GetUtcNow();
        var dayAgo = now.AddHours(-20);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.Users.Where(u => u.EmailDigest && u.DisabledAt == null && u.Email != null && (u.LastDigestAt == null || u.LastDigestAt < dayAgo))
            .Where(u => db.Notifications.Any(n => n.UserId == u.Id && n.ReadAt == null && n.EmailedAt == null))
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(o.Host!, o.Port, Security(o.Security), ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }

        var sent = 0;
        foreach (var user in due)
        {
            // Only what they may still read: someone taken off a space since is not mailed its titles.
            var items = await (await inbox.VisibleAsync(db, user.Id)).Where(n => n.ReadAt == null && n.EmailedAt == null)
                .OrderByDescending(n => n.CreatedAt).Take(MaxItems).ToListAsync(ct);
            if (items.Count == 0)
            {
                continue;
            }

            await smtp.SendAsync(Message(o, user.DisplayName, user.Email!, items), ct);
            foreach (var n in items)
            {
                n.EmailedAt = now;
            }

            user.LastDigestAt = now;
            await db.SaveChangesAsync(ct);
            sent++;
        }

        await smtp.DisconnectAsync(true, ct);
        logger.LogInformation("Sent {Count} e-mail digests", sent);
        return sent;
    }

    private static MimeMessage Message(EmailOptions o, string name, string email, IReadOnlyList<Notification> items)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(new MailboxAddress(name, email));
        message.Subject = items.Count == 1 ? "TeamWiki: 1 ongelezen melding" : $"TeamWiki: {items.Count} ongelezen meldingen";
        var text = new StringBuilder($"Hallo {name},\n\nDit gebeurde er in TeamWiki:\n\n");
        var html = new StringBuilder($"<p>Hallo {WebUtility.HtmlEncode(name)},</p><p>Dit gebeurde er in TeamWiki:</p><ul>");
        var root = (o.PublicUrl ?? "").TrimEnd('/');
        foreach (var n in items)
        {
            var line = $"{n.ActorName} — {n.Kind}: {n.Title}";
            var url = root + "/notifications/" + n.Id + "/open";
            text.Append("- ").Append(line).Append('\n').Append("  ").Append(url).Append('\n');
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(WebUtility.HtmlEncode(line)).Append("</a>");
            if (!string.IsNullOrEmpty(n.Excerpt))
            {
                text.Append("  ").Append(n.Excerpt).Append('\n');
                html.Append("<br><small>").Append(WebUtility.HtmlEncode(n.Excerpt)).Append("</small>");
            }

            html.Append("</li>");
        }

        text.Append("\nJe krijgt deze samenvatting hoogstens één keer per dag. Uitzetten kan op je profielpagina.\n");
        html.Append("</ul><p><small>Je krijgt deze samenvatting hoogstens één keer per dag. Uitzetten kan op je profielpagina.</small></p>");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Security(string? mode) => mode?.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
