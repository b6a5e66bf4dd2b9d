using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamWiki.Storage;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.People;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Accounts;

/// <summary>Accounts: who the user is (sign-in cookies, API tokens, Identity) and the people directory.</summary>
public static class AccountsSetup
{
    private const string SelectorScheme = "TeamWiki";

    /// <summary>Registers everything about who the user is.</summary>
    public static WebApplicationBuilder AddTeamWikiAccounts(this WebApplicationBuilder builder, DataFolder data)
    {
        var services = builder.Services;
        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(data.KeysDirectory))
            .SetApplicationName("TeamWiki");

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<WikiUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters += "+";
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                // No per-account lockout: a stranger who knows the admin's address could lock the admin out
                // with a few wrong guesses. Guessing is limited per client address instead (SignInThrottling).
                o.Lockout.AllowedForNewUsers = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TeamWikiDbContext>()
            .AddSignInManager<WikiSignInManager>()
            .AddClaimsPrincipalFactory<WikiClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "teamwiki.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
            // The API answers 401/403; only people in a browser are sent to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
            // Identity's check builds the sign-in manager, the user manager and a database context on every
            // request, only to find that the cookie is younger than the interval; look at the clock first
            // (the same comparison Identity makes), so a page view builds none of them.
            o.Events.OnValidatePrincipal = ctx => ctx.Properties.IssuedUtc is { } issued && DateTimeOffset.UtcNow - issued <= StampCheckInterval
                ? Task.CompletedTask
                : SecurityStampValidator.ValidatePrincipalAsync(ctx);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = StampCheckInterval);

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();

        services.AddSingleton<SetupState>();
        services.AddSingleton(new TokenPrincipalCache(TimeProvider.System));
        services.AddScoped<UserAccounts>();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<FreshCredentials>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<Assignees>();
        services.AddSingleton<Profiles>();
        builder.AddTeamWikiSignInThrottling();
        builder.AddTeamWikiAccountLinks();
        return builder;
    }

    /// <summary>How often a signed-in browser's account is checked again (disabled, password changed, signed out elsewhere).</summary>
    private static readonly TimeSpan StampCheckInterval = TimeSpan.FromMinutes(1);

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                ctx.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
