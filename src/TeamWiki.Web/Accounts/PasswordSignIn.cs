using Microsoft.AspNetCore.Identity;
using TeamWiki.Storage.People;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// Signs a person in with e-mail and password, answering every failure the same way and at about the
/// same cost, so that the sign-in form tells a stranger nothing about which accounts exist or are disabled.
/// <para>
/// The password is always run through the hasher: against the account's hash, or against a hash of a
/// random secret when the account does not exist or has no password. The account's state (disabled) is
/// looked at only after that, and only a correct password for an active account signs in.
/// </para>
/// <para>
/// Identity's per-account lockout is deliberately not used: it lets anyone who knows the admin's
/// e-mail address lock the admin out with ten wrong guesses. Guessing is limited per client address
/// instead (<see cref="SignInThrottling"/>), which slows the guesser without locking out the owner.
/// </para>
/// </summary>
public sealed class PasswordSignIn(UserManager<WikiUser> users, SignInManager<WikiUser> signIn, IPasswordHasher<WikiUser> hasher)
{
    private static string? _unknownAccountHash;

    /// <summary>Signs in and returns true, or returns false for any wrong e-mail, password or disabled account.</summary>
    public async Task<bool> SignInAsync(string? email, string? password, bool remember)
    {
        password ??= "";
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || string.IsNullOrEmpty(user.PasswordHash))
        {
            hasher.VerifyHashedPassword(user ?? new WikiUser(), UnknownAccountHash(), password);
            return false;
        }

        if (!await users.CheckPasswordAsync(user, password) || !await signIn.CanSignInAsync(user))
        {
            return false;
        }

        await signIn.SignInAsync(user, remember);
        return true;
    }

    /// <summary>
    /// Made by the same hasher (same algorithm and iteration count) as real hashes, once per process. The
    /// secret is random and thrown away, so no password ever matches it.
    /// </summary>
    private string UnknownAccountHash() =>
        LazyInitializer.EnsureInitialized(ref _unknownAccountHash, () => hasher.HashPassword(new WikiUser(), Guid.NewGuid().ToString("n")));
}
