using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TeamWiki.Storage.People;

namespace TeamWiki.Web.Accounts;

/// <summary>
/// Checks a caller's security stamp against the database now, not at the cookie's next check. A sign-in
/// cookie is re-checked once a minute (<see cref="AccountsSetup"/>), which is fine for reading, but a stolen
/// cookie must not outlive a password change by turning itself into a credential that lasts: minting an API
/// token asks for a stamp that is current at that moment.
/// </summary>
public sealed class FreshCredentials(SignInManager<WikiUser> signIn)
{
    /// <summary>Whether <paramref name="caller"/> still carries the account's current security stamp.</summary>
    public async Task<bool> AreCurrentAsync(ClaimsPrincipal caller) =>
        caller.Identity?.IsAuthenticated == true && await signIn.ValidateSecurityStampAsync(caller) is not null;
}
