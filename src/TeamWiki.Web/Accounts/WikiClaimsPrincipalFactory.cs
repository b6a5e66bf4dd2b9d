using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.People;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary>Puts the display name and handle into the cookie and token principals.</summary>
public sealed class WikiClaimsPrincipalFactory(UserManager<WikiUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<WikiUser, IdentityRole>(users, roles, options)
{
    /// <inheritdoc />
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(WikiUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WikiClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(WikiClaims.Handle, user.Handle));
        if (user.IsGuest)
        {
            identity.AddClaim(new Claim(WikiClaims.Guest, "true"));
        }
        return identity;
    }
}
