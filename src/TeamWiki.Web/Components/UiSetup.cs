using System.Security.Claims;
using Microsoft.Extensions.Options;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Localization;

namespace TeamWiki.Web.Components;

/// <summary>Blazor: static server rendering for reading, interactive server rendering where people interact.</summary>
public static class UiSetup
{
    /// <summary>Adds the components, the circuit limits and localisation.</summary>
    public static WebApplicationBuilder AddTeamWikiUi(this WebApplicationBuilder builder)
    {
        var maxPage = builder.Configuration.GetValue<long?>("TeamWiki:MaxPageBytes") ?? new TeamWikiOptions().MaxPageBytes;
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents()
            // The editor sends the whole text for preview and save; allow a full page plus some room.
            .AddHubOptions(o => o.MaximumReceiveMessageSize = maxPage * 2 + 256 * 1024);
        builder.Services.AddTeamWikiLocalization();
        // Long search queries travel in the URL (GET /search?q=…); cut to 500 characters later, not refused here.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 64 * 1024);
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>Maps the static assets, the components and the small form endpoints.</summary>
    public static WebApplication MapTeamWikiUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapCultureEndpoint();
        return app;
    }
}
