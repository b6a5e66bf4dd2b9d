using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

public class AuthorisationTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    [Theory]
    [InlineData("GET", "/api/pages/handboek/welkom")]
    [InlineData("PUT", "/api/pages/handboek/welkom")]
    [InlineData("DELETE", "/api/pages/handboek/welkom")]
    [InlineData("GET", "/api/spaces")]
    [InlineData("GET", "/api/tree?space=handboek")]
    [InlineData("GET", "/api/me")]
    [InlineData("POST", "/api/users")]
    public async Task TheApiAnswers401WithoutCredentials(string method, string url)
    {
        var response = await factory.AnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = method is "PUT" or "POST" ? JsonContent.Create(new { markdown = "x" }) : null,
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownTokenIs401()
    {
        var response = await factory.ClientWithToken("tw_not_a_real_token_at_all").GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PagesAreNotServedToAnonymousBrowsers()
    {
        var response = await factory.AnonymousClient().GetAsync("/wiki/handboek/welkom");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
        var file = await factory.AnonymousClient().GetAsync("/files/handboek/_media/onboarding-tijdlijn.svg");
        Assert.Equal(HttpStatusCode.Redirect, file.StatusCode);
        Assert.StartsWith("/account/login", file.Headers.Location!.PathAndQuery);
        Assert.Empty(await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HealthIsPublicAndReportsEveryPart()
    {
        var response = await factory.AnonymousClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.ReadJsonAsync();
        Assert.Equal("ok", health.Str("repository"));
        Assert.Equal("ok", health.Str("database"));
        Assert.Equal("ok", health.Str("index"));
        Assert.True(Directory.Exists(Path.Combine(factory.DataDirectory, "wiki.git")));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "teamwiki.db")));
        Assert.True(Directory.Exists(Path.Combine(factory.DataDirectory, "index")));
    }

    [Fact]
    public async Task AnAdminCreatesAUserWhoGetsATokenAndWritesAsThemself()
    {
        var admin = factory.AdminClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "bert@example.org", name = "Bert Bakker", password = "Bert-wachtwoord1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).Str("id");

        var token = await admin.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "script" });
        Assert.Equal(HttpStatusCode.Created, token.StatusCode);
        var secret = (await token.ReadJsonAsync()).Str("token");
        var bert = factory.ClientWithToken(secret);

        var me = await (await bert.GetAsync("/api/me")).ReadJsonAsync();
        Assert.Equal("bert@example.org", me.Str("email"));
        Assert.Equal("bert", me.Str("handle"));
        Assert.False(me.GetProperty("isAdmin").GetBoolean());

        await bert.PutPageAsync("handboek/door-bert", "Geschreven door Bert.\n");
        var page = await (await bert.GetAsync("/api/pages/handboek/door-bert")).ReadJsonAsync();
        Assert.Equal("Bert Bakker", page.Str("author"));

        // A member manages neither users nor other people's tokens, but does make their own.
        Assert.Equal(HttpStatusCode.Forbidden, (await bert.PostAsJsonAsync("/api/users", new { email = "x@example.org", name = "X", password = "xxxxxxxx1" })).StatusCode);
        var adminId = (await (await admin.GetAsync("/api/me")).ReadJsonAsync()).Str("id");
        Assert.Equal(HttpStatusCode.Forbidden, (await bert.PostAsJsonAsync($"/api/users/{adminId}/tokens", new { name = "steel" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await bert.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "eigen" })).StatusCode);

        // Disabled: the token stops working at once.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bert.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("", "Name", "password123", HttpStatusCode.BadRequest)]
    [InlineData("geen-email", "Name", "password123", HttpStatusCode.BadRequest)]
    [InlineData("kort@example.org", "Name", "kort", HttpStatusCode.BadRequest)]
    [InlineData("admin@example.org", "Dubbel", "password123", HttpStatusCode.Conflict)]
    public async Task BadAccountInputIsRefusedWithAReason(string email, string name, string password, HttpStatusCode expected)
    {
        var response = await factory.AdminClient().PostAsJsonAsync("/api/users", new { email, name, password });
        Assert.Equal(expected, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).GetProperty("errors").EnumerateArray());
    }
}

public class AnonymousReadTests(AnonymousReadFactory factory) : IClassFixture<AnonymousReadFactory>
{
    [Fact]
    public async Task WithAnonymousReadingOnVisitorsReadButDoNotWrite()
    {
        var anonymous = factory.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/pages/handboek/welkom")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/wiki/handboek/welkom")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutPageAsync("handboek/welkom", "vandalisme")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/edit/handboek/welkom")).StatusCode);
    }
}

public class FreshInstallTests(FreshInstallFactory factory) : IClassFixture<FreshInstallFactory>
{
    [Fact]
    public async Task WithoutUsersEveryPageLeadsToSetup()
    {
        var response = await factory.AnonymousClient().GetAsync("/wiki/handboek/welkom");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location!.OriginalString);
        var setup = await factory.AnonymousClient().GetAsync("/setup");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
    }
}
