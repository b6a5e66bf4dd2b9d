using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.People;

namespace TeamWiki.Web.Accounts;

/// <summary>A link that sets a password, and until when it works.</summary>
public sealed record AccountLink(string Link, DateTimeOffset Expires);

/// <summary>
/// Forgotten passwords, with Identity's own reset tokens: a token is signed (data protection), carries its
/// age and the account's security stamp, so it expires after <see cref="PasswordResetOptions.ValidHours"/>
/// and stops working once used (setting the password changes the stamp). Nothing about them is stored.
/// A reset ends the account's other power as a change does (<see cref="PasswordChanges"/>): the new stamp
/// signs other browsers out, and every API token of the account is revoked.
/// </summary>
public sealed class PasswordResets(
    UserManager<WikiUser> users,
    ApiTokens tokens,
    AccountMailer mailer,
    ResetMailLimiter limiter,
    IOptionsMonitor<PasswordResetOptions> options,
    TimeProvider time,
    ILogger<PasswordResets> logger)
{
    /// <summary>The reset page.</summary>
    public const string ResetPath = "/account/reset";

    /// <summary>A reset link for <paramref name="user"/>, starting at <paramref name="origin"/> (an administrator's link, shown once).</summary>
    public async Task<AccountLink> CreateLinkAsync(WikiUser user, string origin)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{origin.TrimEnd('/')}{ResetPath}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        return new AccountLink(link, time.GetUtcNow().AddHours(options.CurrentValue.ValidHours));
    }

    /// <summary>
    /// Sends a reset link to <paramref name="email"/> when it belongs to an active account and e-mail is
    /// configured; otherwise does nothing. The caller answers the same in every case.
    /// </summary>
    public async Task RequestAsync(string? email)
    {
        email = email?.Trim();
        if (!mailer.Enabled || string.IsNullOrEmpty(email) || email.Length > 256 || !email.Contains('@'))
        {
            return;
        }

        if (mailer.PublicUrl is not { } origin)
        {
            logger.LogWarning("A forgotten-password e-mail was not sent: set {Key} to the wiki's public address", SmtpOptions.Section + ":PublicUrl");
            return;
        }

        if (await users.FindByEmailAsync(email) is not { IsActive: true } user || !limiter.TryTake(email))
        {
            return;
        }

        var link = await CreateLinkAsync(user, origin);
        mailer.Queue("password reset", user.DisplayName, user.Email!, "TeamWiki: nieuw wachtwoord / new password", $"""
            Hallo {user.DisplayName},

            Met deze link kies je een nieuw wachtwoord voor TeamWiki. De link werkt één keer en tot {link.Expires:yyyy-MM-dd HH:mm} UTC:
            (This link sets a new password for TeamWiki. It works once, until {link.Expires:yyyy-MM-dd HH:mm} UTC.)

            {link.Link}

            Heb je dit niet gevraagd? Dan kun je deze e-mail negeren; je wachtwoord blijft hetzelfde.
            (If you did not ask for this, ignore this e-mail; your password stays the same.)
            """);
    }

    /// <summary>The account when <paramref name="token"/> is a working reset token for it, else null.</summary>
    public async Task<WikiUser?> CheckAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || token.Length > 2000 || userId.Length > 100)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        return user is { IsActive: true } && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<WikiUser>.ResetPasswordTokenPurpose, token)
            ? user
            : null;
    }

    /// <summary>
    /// Sets the new password; null on success, else why not. A used, expired or altered link is refused
    /// with <see cref="LinkNotValid"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>?> ResetAsync(string? userId, string? token, string? password)
    {
        if (await CheckAsync(userId, token) is not { } user)
        {
            return [LinkNotValid];
        }

        if (string.IsNullOrEmpty(password))
        {
            return ["A password is required."];
        }

        var result = await users.ResetPasswordAsync(user, token!, password);
        if (result.Succeeded)
        {
            await tokens.RevokeAllAsync(user.Id);
            return null;
        }

        // Two submissions of one link at once: the second finds the stamp (or the row) changed.
        return result.Errors.Any(e => e.Code is "InvalidToken" or "ConcurrencyFailure")
            ? [LinkNotValid]
            : result.Errors.Select(e => e.Description).ToList();
    }

    /// <summary>The answer for a link that does not (or no longer) work.</summary>
    public const string LinkNotValid = "This link does not work (any more): it was used already, has expired or is incomplete.";
}
