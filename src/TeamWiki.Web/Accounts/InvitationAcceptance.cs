using Microsoft.AspNetCore.Identity;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.People;
using TeamWiki.Storage.Spaces;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// The invitee's side: the link is looked up by its token's hash, the password is checked, and then in
/// one transaction the invitation is marked accepted (only if still pending) and the account made, so a
/// link works once even when it is submitted twice at the same moment. The space membership follows.
/// </summary>
public sealed class InvitationAcceptance(
    Invitations store,
    UserAccounts accounts,
    UserManager<WikiUser> users,
    SpaceMembers members,
    PeopleDirectory directory,
    TeamWikiDbContext db,
    TimeProvider time)
{
    /// <summary>The answer for a link that does not (or no longer) work.</summary>
    public const string LinkNotValid = "This invitation does not work (any more): it was used already, revoked, has expired or is incomplete.";

    /// <summary>The pending invitation of <paramref name="token"/>, or null.</summary>
    public Task<Invitation?> FindAsync(string? token) => store.FindPendingAsync(token, time.GetUtcNow());

    /// <summary>Makes the account with <paramref name="password"/>; the account, or why not.</summary>
    public async Task<AccountResult> AcceptAsync(string? token, string? password)
    {
        if (await FindAsync(token) is not { } invitation)
        {
            return new AccountResult(null, [LinkNotValid]);
        }

        if (string.IsNullOrEmpty(password))
        {
            return new AccountResult(null, ["A password is required."]);
        }

        // Checked before the invitation is claimed, so a weak password leaves the link working.
        var weak = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, new WikiUser(), password);
            weak.AddRange(checkedPassword.Errors.Select(e => e.Description));
        }

        if (weak.Count > 0)
        {
            return new AccountResult(null, weak);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            if (!await Invitations.ClaimAsync(db, invitation.Id, time.GetUtcNow()))
            {
                return new AccountResult(null, [LinkNotValid]);
            }

            var created = await accounts.CreateAsync(invitation.Email, invitation.Name, password, guest: invitation.MakesGuest);
            if (!created.Succeeded)
            {
                // Rolled back: the invitation stays pending (an account for the address was made meanwhile).
                return created;
            }

            await transaction.CommitAsync();
            // The directory may have been read again between the account's insert and the commit.
            directory.Invalidate();
            if (invitation is { SpaceKey: { } space, Role: { } role })
            {
                await members.SetAsync(space, created.User!.Id, role);
            }

            return created;
        }
    }
}
