using Microsoft.AspNetCore.Authorization;

namespace TeamWiki.Web.Auth;

/// <summary>Authorisation: the policies and the one place that decides who may read or change a space.</summary>
public static class AccessSetup
{
    /// <summary>Registers the policies, <see cref="SpaceAccess"/> and <see cref="ReaderHistory"/>.</summary>
    public static WebApplicationBuilder AddTeamWikiAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization(WikiPolicies.Configure);
        builder.Services.AddSingleton<IAuthorizationHandler, ReadRequirementHandler>();
        builder.Services.AddSingleton<SpaceAccess>();
        builder.Services.AddSingleton<ReaderHistory>();
        return builder;
    }
}
