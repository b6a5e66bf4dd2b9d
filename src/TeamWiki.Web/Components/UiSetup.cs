using Microsoft.Extensions.Options;
using System.Security.Claims;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Localization;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.Pages.Cache;

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
        builder.Services.AddSingleton<Activity.ContentActivity>();
        builder.AddTeamWikiPageCache();
        return builder;
    }

    /// <summary>Maps the static assets, the components and the small form endpoints.</summary>
    public static WebApplication MapTeamWikiUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapCultureEndpoint();
        app.MapGet("/notifications/{id:long}/open", async (long id, ClaimsPrincipal user, Notifications.Inbox inbox) =>
            await inbox.MarkReadAsync(user.UserId()!, id) is { } n && n.Url.StartsWith('/') && !n.Url.StartsWith("//", StringComparison.Ordinal) && !n.Url.StartsWith("/\\", StringComparison.Ordinal)
                ? Results.Redirect(n.Url)
                : Results.Redirect("/notifications")).RequireAuthorization(WikiPolicies.Write);
        app.MapGet("/people/{handle}/photo", async (string handle, ClaimsPrincipal user, People.PeopleDirectory people, People.Profiles profiles) =>
        {
            if (await people.VisibleByHandleAsync(user, handle) is not { PhotoUpdatedAt: not null } person)
            {
                return Results.NotFound();
            }

            var photo = await profiles.PhotoAsync(person.Id);
            return photo is null ? Results.NotFound() : Results.File(photo.Bytes, photo.ContentType);
        }).RequireAuthorization(WikiPolicies.Write);
        app.MapSignOut();
        app.MapBellSocket();
        return app;
    }
}
