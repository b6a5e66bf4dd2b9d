using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.People;
using TeamWiki.Web.Auth;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

/// <summary>
/// An API token's account is not read from the database on every request, yet a change to the account
/// or the token counts at the token's next request: the claims are kept per version of the account, the
/// token's account until accounts or tokens change.
/// </summary>
public class TokenAccountChangeTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    [Fact]
    public async Task AnAccountMadeAdminHasAdminRightsAtItsTokensNextRequest()
    {
        var admin = factory.AdminClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "cor@example.org", name = "Cor Claassen", password = "Cor-wachtwoord1" });
        var id = (await created.ReadJsonAsync()).Str("id");
        var secret = (await (await admin.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "script" })).ReadJsonAsync()).Str("token");
        var cor = factory.ClientWithToken(secret);
        Assert.False((await (await cor.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("isAdmin").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await cor.GetAsync("/api/users")).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WikiUser>>();
            var account = await users.FindByIdAsync(id);
            Assert.True((await users.AddToRoleAsync(account!, WikiClaims.AdminRole)).Succeeded);
        }

        Assert.True((await (await cor.GetAsync("/api/me")).ReadJsonAsync()).GetProperty("isAdmin").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await cor.GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task ATokenRevokedOnTheProfileIsRefusedAtItsNextRequestWhileTheOwnersOtherTokenWorks()
    {
        var admin = factory.AdminClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "dirk@example.org", name = "Dirk de Vries", password = "Dirk-wachtwoord1" });
        var id = (await created.ReadJsonAsync()).Str("id");
        var response = await (await admin.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "script" })).ReadJsonAsync();
        var other = (await (await admin.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "backup" })).ReadJsonAsync()).Str("token");
        var dirk = factory.ClientWithToken(response.Str("token"));
        var backup = factory.ClientWithToken(other);
        Assert.Equal(HttpStatusCode.OK, (await dirk.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dirk.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await backup.GetAsync("/api/me")).StatusCode);

        var tokens = factory.Services.GetRequiredService<ApiTokens>();
        Assert.True(await tokens.RevokeAsync(id, Guid.Parse(response.Str("id"))));

        Assert.Equal(HttpStatusCode.Unauthorized, (await dirk.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await backup.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await backup.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await backup.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task APrincipalIsBuiltOncePerVersionOfTheAccountAndAgainAfterAMinute()
    {
        var clock = new ManualClock();
        var cache = new TokenPrincipalCache(clock);
        var user = new WikiUser { Id = "u1", SecurityStamp = "s1", ConcurrencyStamp = "c1" };
        var builds = 0;
        Task<ClaimsPrincipal> Build(WikiUser u)
        {
            builds++;
            return Task.FromResult(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, u.Id + builds)], "test")));
        }

        var first = await cache.GetAsync(user, Build);
        var again = await cache.GetAsync(user, Build);
        Assert.Equal(1, builds);
        Assert.NotSame(first, again);
        Assert.Equal(first.Identity!.Name, again.Identity!.Name);
        Assert.True(again.Identity.IsAuthenticated);

        user.ConcurrencyStamp = "c2";
        await cache.GetAsync(user, Build);
        user.SecurityStamp = "s2";
        await cache.GetAsync(user, Build);
        Assert.Equal(3, builds);

        clock.Now += TokenPrincipalCache.MaxAge;
        Assert.Equal("u14", (await cache.GetAsync(user, Build)).Identity!.Name);
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
