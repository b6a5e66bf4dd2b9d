using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.Data;
using TeamWiki.Storage.Spaces;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>A space keeps an owner, by every route that changes members. Run on both providers below.</summary>
public abstract class LastOwnerScenarios(TeamWikiFactory server)
{
    /// <summary>Inviting the last owner as a guest is refused and they stay owner.</summary>
    protected async Task GuestInviteAsync()
    {
        var admin = server.AdminClient();
        var frank = await StaffAsync(admin, "frank@example.org");
        Assert.Equal(HttpStatusCode.Created, (await frank.PostAsJsonAsync("/api/spaces", new { key = "solo", name = "Solo" })).StatusCode);

        var byAdmin = await admin.PostAsJsonAsync("/api/spaces/solo/guests", new { email = "frank@example.org", name = "Frank" });
        var byHimself = await frank.PostAsJsonAsync("/api/spaces/solo/guests", new { email = "FRANK@example.org", name = "Frank" });

        Assert.Equal(HttpStatusCode.Conflict, byAdmin.StatusCode);
        Assert.Equal("Last owner", (await byAdmin.ReadJsonAsync()).Str("title"));
        Assert.Equal(HttpStatusCode.Conflict, byHimself.StatusCode);
        Assert.Equal("owner", (await (await admin.GetAsync("/api/spaces/solo/members/frank@example.org")).ReadJsonAsync()).Str("role"));

        // The same route still invites guests who are not the last owner.
        var guest = await frank.PostAsJsonAsync("/api/spaces/solo/guests", new { email = "klant@extern.example", name = "Klant", password = "Wachtwoord-123" });
        Assert.Equal(HttpStatusCode.Created, guest.StatusCode);
        Assert.Equal("guest", (await guest.ReadJsonAsync()).Str("role"));
    }

    /// <summary>Two owners who demote each other at the same moment leave one owner.</summary>
    protected async Task MutualDemotionAsync()
    {
        var admin = server.AdminClient();
        var dave = await StaffAsync(admin, "dave@example.org");
        var erin = await StaffAsync(admin, "erin@example.org");
        Assert.Equal(HttpStatusCode.Created, (await dave.PostAsJsonAsync("/api/spaces", new { key = "duo", name = "Duo" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await dave.PutAsJsonAsync("/api/spaces/duo/members/erin@example.org", new { role = "owner" })).StatusCode);

        var responses = await AtOnce.AtOnceAsync(2, i => i == 0
            ? dave.PutAsJsonAsync("/api/spaces/duo/members/erin@example.org", new { role = "member" })
            : erin.PutAsJsonAsync("/api/spaces/duo/members/dave@example.org", new { role = "member" }));

        // The loser is refused either by the last-owner rule (409, when both passed the owner check) or,
        // when the winner's demotion landed before the loser's request was authorised, as a non-owner (403).
        Assert.Equal(1, responses.Count(HttpStatusCode.OK));
        Assert.Equal(1, responses.Count(HttpStatusCode.Conflict) + responses.Count(HttpStatusCode.Forbidden));
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.SpaceMembers.CountAsync(m => m.SpaceKey == "duo" && m.Role == SpaceRole.Owner));
    }

    private async Task<HttpClient> StaffAsync(HttpClient admin, string email)
    {
        var created = await admin.PostAsJsonAsync("/api/users", new { email, name = email[..email.IndexOf('@')], password = "Wachtwoord-123" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).Str("id");
        var token = await (await admin.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "test" })).ReadJsonAsync();
        return server.ClientWithToken(token.Str("token"));
    }
}

public sealed class LastOwnerOnSqliteTests(LazyServer<TeamWikiFactory> fx) : LastOwnerScenarios(fx.Server), IClassFixture<LazyServer<TeamWikiFactory>>
{
    [Fact]
    public Task Inviting_the_last_owner_as_a_guest_is_refused_and_they_stay_owner() => GuestInviteAsync();

    [Fact]
    public Task Two_owners_demoting_each_other_at_once_leave_one_owner() => MutualDemotionAsync();
}

public sealed class LastOwnerOnPostgreSqlTests(LazyServer<PostgreSqlFactory> fx) : LastOwnerScenarios(fx.Server), IClassFixture<LazyServer<PostgreSqlFactory>>
{
    [PostgreSqlFact]
    public Task Inviting_the_last_owner_as_a_guest_is_refused_and_they_stay_owner() => GuestInviteAsync();

    [PostgreSqlFact]
    public Task Two_owners_demoting_each_other_at_once_leave_one_owner() => MutualDemotionAsync();
}
