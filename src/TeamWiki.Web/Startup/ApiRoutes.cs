using Microsoft.Extensions.Options;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Api;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Conversation;
using TeamWiki.Web.Documents;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.Pages;
using TeamWiki.Web.Pages.Links;
using TeamWiki.Web.People;
using TeamWiki.Web.Search;
using TeamWiki.Web.Spaces;
using TeamWiki.Web.Tasks;

namespace TeamWiki.Web.Startup;

/// <summary>The HTTP API, documented in docs/api.md.</summary>
public static class ApiRoutes
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
        api.MapPageSuggestApi();
        api.MapTrashApi();
        api.MapSpacesApi();
        api.MapUsersApi();
        api.MapPasswordsApi();
        api.MapInvitationsApi();
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
