using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TeamWiki.Storage.People;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary>How a password change ended.</summary>
public enum PasswordChangeOutcome
{
    /// <summary>The password was changed.</summary>
    Changed,

    /// <summary>A field is missing or the new password is not good enough (400).</summary>
    Invalid,

    /// <summary>The current password was wrong (403).</summary>
    WrongCurrent,
}

/// <summary>
/// Someone changes their own password. Identity changes the account's security stamp with it, which ends
/// every other session at its next check (within a minute); the session the change was made in gets a
/// fresh cookie and stays signed in. Every API token of the account is revoked, the one the change was
/// made with too: a password is changed because someone else may know it, and whoever knew it could have
/// made a token that would otherwise outlive the change.
/// </summary>
public sealed class PasswordChanges(UserManager<WikiUser> users, SignInManager<WikiUser> signIn, ApiTokens tokens)
{
    /// <summary>Changes the password of the request's user; the outcome and, unless changed, why.</summary>
    public async Task<(PasswordChangeOutcome Outcome, IReadOnlyList<string> Errors)> ChangeAsync(HttpContext context, string? current, string? replacement)
    {
        var me = context.User;
        if (string.IsNullOrEmpty(current))
        {
            return (PasswordChangeOutcome.Invalid, ["The current password is required."]);
        }

        if (string.IsNullOrEmpty(replacement))
        {
            return (PasswordChangeOutcome.Invalid, ["A new password is required."]);
        }

        if (await users.FindByIdAsync(me.UserId() ?? "") is not { IsActive: true } user)
        {
            return (PasswordChangeOutcome.WrongCurrent, [WrongCurrent]);
        }

        // Identity checks the current password before it judges the new one: a guess with a weak new
        // password still learns only "wrong".
        var result = await users.ChangePasswordAsync(user, current, replacement);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? (PasswordChangeOutcome.WrongCurrent, [WrongCurrent])
                : (PasswordChangeOutcome.Invalid, result.Errors.Select(e => e.Description).ToList());
        }

        // Not cancelled with the request: the password has changed, so the tokens must go whatever the client does.
        await tokens.RevokeAllAsync(user.Id, CancellationToken.None);

        // Only a request that came with the sign-in cookie gets a new one (not one made with an API token).
        if ((await context.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return (PasswordChangeOutcome.Changed, []);
    }

    /// <summary>The answer for a wrong current password.</summary>
    public const string WrongCurrent = "The current password is not correct.";
}
