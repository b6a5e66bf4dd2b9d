using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.Pages;
using TeamWiki.Storage.People;
using TeamWiki.Storage.Spaces;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary>A new invitation: its link (shown once) and whether it was e-mailed.</summary>
public sealed record NewInvitation(Invitation Invitation, AccountLink Link, bool Emailed);

/// <summary>
/// Who may invite whom: administrators invite staff (with or without a space); a space's owners invite
/// guests into that space. Whether someone owns a space, and whether they may know it exists, is
/// <see cref="SpaceAccess"/>'s decision: a space they cannot read is "not found".
/// </summary>
public sealed class Inviting(
    Invitations store,
    UserManager<WikiUser> users,
    SpaceAccess access,
    IContentCatalog catalog,
    AccountMailer mailer,
    InvitationLimiter limiter,
    IOptionsMonitor<InvitationOptions> options,
    TimeProvider time)
{
    /// <summary>The page where an invitee chooses a password.</summary>
    public const string AcceptPath = "/account/invitation";

    /// <summary>Makes an invitation and e-mails it when SMTP is configured.</summary>
    /// <exception cref="InvitationRefusedException">Bad input, not allowed, unknown space, the address has an account or invitation, or too many invitations lately.</exception>
    public async Task<NewInvitation> InviteAsync(ClaimsPrincipal me, string? email, string? name, string? space, string? role, string origin)
    {
        email = email?.Trim() ?? "";
        name = name?.Trim() ?? "";
        // One plain address: no display name, no list, nothing that only fails when the invitee accepts.
        if (email.Length is 0 or > 256 || email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !parsed.Host.Contains('.'))
        {
            throw InvitationRefusedException.Invalid("A valid e-mail address is required.");
        }

        if (name.Length > UserAccounts.MaxNameLength || name.Any(char.IsControl))
        {
            throw InvitationRefusedException.Invalid($"The name must be at most {UserAccounts.MaxNameLength} characters of text.");
        }

        var (key, spaceRole) = Where(me, space, ParseRole(role));
        var now = time.GetUtcNow();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw InvitationRefusedException.Conflict("An account with this e-mail address already exists.");
        }

        if (await store.IsInvitedAsync(email, now))
        {
            throw InvitationRefusedException.Conflict("This address has a pending invitation; revoke it to invite again.");
        }

        var o = options.CurrentValue;
        if (await store.CountPendingByAsync(me.UserId()!, now) >= o.MaxPendingPerInviter)
        {
            throw InvitationRefusedException.Conflict($"You have {o.MaxPendingPerInviter} pending invitations; revoke some or wait until they are accepted.");
        }

        // Counted last, so only an invitation that is made (and may be e-mailed) uses up the allowance.
        if (limiter.TryTake(me.UserId()!) is { } wait)
        {
            throw InvitationRefusedException.TooMany(wait);
        }

        var invitation = new Invitation
        {
            Email = email,
            Name = name.Length > 0 ? name : email[..email.IndexOf('@')],
            SpaceKey = key,
            Role = spaceRole,
            InvitedById = me.UserId()!,
            CreatedAt = now,
            ExpiresAt = now.AddDays(Math.Max(1, o.ValidDays)),
        };
        var token = await store.StoreAsync(invitation);
        var link = new AccountLink($"{(mailer.PublicUrl ?? origin).TrimEnd('/')}{AcceptPath}?token={token}", invitation.ExpiresAt);
        // Mailed only with a configured public address: a link built from the inviter's Host header must
        // never reach someone's inbox under the wiki's name (it is shown to the inviter instead).
        var emailed = mailer.PublicUrl is not null && mailer.Queue("invitation", invitation.Name, email, "Uitnodiging voor TeamWiki / Invitation to TeamWiki", $"""
            Hallo {invitation.Name},

            {me.Name()} nodigt je uit voor TeamWiki{(key is null ? "" : $" (ruimte {catalog.Current.FindSpace(key)?.Name ?? key})")}.
            Open deze link en kies je wachtwoord. De link werkt één keer en tot {link.Expires:yyyy-MM-dd HH:mm} UTC:
            ({me.Name()} invites you to TeamWiki. Open this link and choose your password; it works once, until {link.Expires:yyyy-MM-dd HH:mm} UTC.)

            {link.Link}
            """);
        return new NewInvitation(invitation, link, emailed);
    }

    /// <summary>The pending invitations <paramref name="me"/> may see: all for administrators, those into spaces they manage for owners.</summary>
    public async Task<IReadOnlyList<Invitation>> PendingAsync(ClaimsPrincipal me) =>
        (await store.ListPendingAsync(time.GetUtcNow())).Where(i => MayManage(me, i)).ToList();

    /// <summary>Revokes an invitation <paramref name="me"/> may see.</summary>
    /// <exception cref="InvitationRefusedException">No such pending invitation, or not one of theirs to see (404).</exception>
    public async Task RevokeAsync(ClaimsPrincipal me, Guid id)
    {
        if (await store.FindAsync(id) is not { AcceptedAt: null } invitation || !MayManage(me, invitation) || !await store.RevokeAsync(id))
        {
            throw InvitationRefusedException.NotFound("Invitation");
        }
    }

    private bool MayManage(ClaimsPrincipal me, Invitation invitation) =>
        me.IsAdmin() || (invitation.SpaceKey is { } key && !me.IsGuest() && access.For(me, key).Manage);

    /// <summary>The space and role, after checking that <paramref name="me"/> may invite there.</summary>
    private (string? Space, SpaceRole? Role) Where(ClaimsPrincipal me, string? space, SpaceRole? role)
    {
        if (string.IsNullOrWhiteSpace(space))
        {
            if (role is not null)
            {
                throw InvitationRefusedException.Invalid("A role is given only together with a space.");
            }

            return me.IsAdmin()
                ? (null, null)
                : throw InvitationRefusedException.Forbidden("Only administrators invite staff; space owners invite guests into their space.");
        }

        var key = space.Trim().ToLowerInvariant();
        if (key.Length > 80 || catalog.Current.FindSpace(key) is null || !access.CanRead(me, key))
        {
            throw InvitationRefusedException.NotFound("Space");
        }

        if (me.IsGuest() || !access.For(me, key).Manage)
        {
            throw InvitationRefusedException.Forbidden("Only the space's owners and administrators invite people into it.");
        }

        // The least a newcomer can be: staff roles are an administrator's to give.
        role ??= SpaceRole.Guest;
        return role == SpaceRole.Guest || me.IsAdmin()
            ? (key, role)
            : throw InvitationRefusedException.Forbidden("Only administrators invite staff; space owners invite guests into their space.");
    }

    private static SpaceRole? ParseRole(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "guest" => SpaceRole.Guest,
        "member" => SpaceRole.Member,
        "owner" => SpaceRole.Owner,
        _ => throw InvitationRefusedException.Invalid("The role is one of guest, member or owner."),
    };
}
