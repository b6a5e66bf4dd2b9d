using System.Security.Claims;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Auth;

namespace TeamWiki.Web.People;

/// <summary>Registers "who knows what" and the people pages' photo route.</summary>
public static class PeopleSetup
{
    /// <summary>Adds the services.</summary>
    public static WebApplicationBuilder AddTeamWikiPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Expertise>();
        return builder;
    }

    /// <summary>Maps <c>/people/{handle}/photo</c>, for people the reader may see.</summary>
    public static WebApplication MapTeamWikiPeople(this WebApplication app)
    {
        app.MapGet("/people/{handle}/photo", async (string handle, ClaimsPrincipal user, PeopleDirectory people, Profiles profiles) =>
        {
            if (await people.VisibleByHandleAsync(user, handle) is not { PhotoUpdatedAt: not null } person)
            {
                return Results.NotFound();
            }

            var photo = await profiles.PhotoAsync(person.Id);
            return photo is null ? Results.NotFound() : Results.File(photo.Bytes, photo.ContentType);
        }).RequireAuthorization(WikiPolicies.Write);
        return app;
    }
}
