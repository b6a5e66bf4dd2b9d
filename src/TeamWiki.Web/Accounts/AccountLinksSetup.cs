using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TeamWiki.Web.Accounts;

/// <summary>Accounts people manage themselves: password changes and resets, invitations, account e-mail.</summary>
public static class AccountLinksSetup
{
    /// <summary>Registers the services and their options (<c>TeamWiki:Smtp</c>, <c>TeamWiki:Invitations</c>, <c>TeamWiki:PasswordReset</c>).</summary>
    public static WebApplicationBuilder AddTeamWikiAccountLinks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmtpOptions>().Bind(builder.Configuration.GetSection(SmtpOptions.Section))
            .Validate(o => o.Port is > 0 and < 65536, "TeamWiki:Smtp:Port must be a port number.").ValidateOnStart();
        services.AddOptions<InvitationOptions>().Bind(builder.Configuration.GetSection(InvitationOptions.Section))
            .Validate(o => o.ValidDays is > 0 and <= 365 && o.MaxPendingPerInviter > 0, "TeamWiki:Invitations needs ValidDays of 1–365 and MaxPendingPerInviter above 0.")
            .Validate(o => o.MaxPerWindow > 0 && o.Window >= TimeSpan.FromSeconds(6), "TeamWiki:Invitations needs MaxPerWindow above 0 and a Window of at least 6 seconds.")
            .ValidateOnStart();
        services.AddOptions<PasswordResetOptions>().Bind(builder.Configuration.GetSection(PasswordResetOptions.Section))
            .Validate(o => o.ValidHours is > 0 and <= 24 * 30 && o.MinutesBetweenMails >= 0, "TeamWiki:PasswordReset needs ValidHours of 1–720.")
            .ValidateOnStart();
        // Identity's reset tokens carry their age; this is how old they may be.
        services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<PasswordResetOptions>>((o, reset) => o.TokenLifespan = TimeSpan.FromHours(reset.Value.ValidHours));

        services.AddSingleton<AccountMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<AccountMailer>());
        services.AddSingleton<ResetMailLimiter>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<PasswordChanges>();
        services.AddSingleton<InvitationLimiter>();
        services.AddScoped<Inviting>();
        services.AddScoped<InvitationAcceptance>();
        return builder;
    }
}
