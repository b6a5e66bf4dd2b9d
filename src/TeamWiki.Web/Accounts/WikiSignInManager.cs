using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TeamWiki.Storage.People;

namespace TeamWiki.Web.Accounts;

/// <summary>Refuses sign-in for disabled accounts.</summary>
public sealed class WikiSignInManager(
    UserManager<WikiUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<WikiUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<WikiUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<WikiUser> confirmation)
    : SignInManager<WikiUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <inheritdoc />
    public override async Task<bool> CanSignInAsync(WikiUser user) => user.IsActive && await base.CanSignInAsync(user);

    /// <inheritdoc />
    public override async Task<WikiUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }
}
