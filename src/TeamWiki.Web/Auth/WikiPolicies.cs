using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace TeamWiki.Web.Auth;

/// <summary>The authorisation policies. Every endpoint names one; the fallback is <see cref="Read"/>.</summary>
public static class WikiPolicies
{
    /// <summary>Read pages: signed in, or anyone when anonymous reading is on.</summary>
    public const string Read = "read";

    /// <summary>Change pages: signed in.</summary>
    public const string Write = "write";

    /// <summary>Manage users: the admin role.</summary>
    public const string Admin = "admin";

    /// <summary>Adds the policies.</summary>
    public static void Configure(AuthorizationOptions options)
    {
        var read = new AuthorizationPolicyBuilder().AddRequirements(new ReadRequirement()).Build();
        options.AddPolicy(Read, read);
        options.AddPolicy(Write, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(WikiClaims.AdminRole));
        options.FallbackPolicy = read;
    }
}

/// <summary>Reading is allowed to signed-in users, and to everyone when <see cref="TeamWikiOptions.AllowAnonymousRead"/> is set.</summary>
public sealed class ReadRequirement : IAuthorizationRequirement;

/// <summary>Decides <see cref="ReadRequirement"/>.</summary>
public sealed class ReadRequirementHandler(IOptionsMonitor<TeamWikiOptions> options) : AuthorizationHandler<ReadRequirement>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true || options.CurrentValue.AllowAnonymousRead)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
