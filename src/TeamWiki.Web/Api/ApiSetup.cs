using Microsoft.Extensions.Options;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.Api;

/// <summary>The HTTP API, documented in docs/api.md.</summary>
public static class ApiSetup
{
    /// <summary>Maps every API route; all of them go through <see cref="ApiExceptionFilter"/> and require at least read access.</summary>
    public static WebApplication MapTeamWikiApi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TeamWikiOptions>>().Value;
        var api = app.MapGroup("/api")
            .RequireAuthorization(WikiPolicies.Read)
            .AddEndpointFilter<ApiExceptionFilter>()
            .DisableAntiforgery();
        api.MapPagesApi(options.MaxPageBytes);
        api.MapSpacesApi();
        api.MapUsersApi();
        api.MapSearchApi();
        api.MapTasksApi();
        api.MapDocumentsApi(options.MaxUploadBytes);
        api.MapConversationApi();
        api.MapNotificationsApi();
        api.MapPeopleApi();
        app.MapFilesApi();
        app.MapHealthApi();
        return app;
    }
}
