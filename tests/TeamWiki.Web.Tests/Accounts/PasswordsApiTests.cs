using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.People;
using TeamWiki.Web.Tests.Support;
using static TeamWiki.Web.Tests.Accounts.AccountsTestUsers;

namespace TeamWiki.Web.Tests.Accounts;

public sealed class PasswordsApiTests(TeamWikiFactory server) : IClassFixture<TeamWikiFactory>
{
    [Fact]
    public async Task ChangingOnesOwnPasswordAnswers204AndOnlyTheNewPasswordSignsIn()
    {
        var (client, _, email) = await UserAsync(server, "wissel");

        var changed = await client.PostAsJsonAsync("/api/me/password", new { current = Password, @new = "Nieuw-wachtwoord-9" });

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.False(await SignsInAsync(server, email, Password));
        Assert.True(await SignsInAsync(server, email, "Nieuw-wachtwoord-9"));
    }

    [Fact]
    public async Task ChangingOnesPasswordRevokesEveryApiTokenOfTheAccountAndRenewsItsSecurityStamp()
    {
        var (client, id, _) = await UserAsync(server, "ingetrokken");
        var other = server.ClientWithToken((await (await client.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "script" })).ReadJsonAsync()).Str("token"));
        var (bystander, _, _) = await UserAsync(server, "omstander");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/me")).StatusCode);
        var stamp = await StampAsync(id);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/me/password", new { current = Password, @new = "Nieuw-wachtwoord-9" })).StatusCode);

        // Both of the account's tokens, the one the change was made with too; someone else's keeps working.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bystander.GetAsync("/api/me")).StatusCode);
        Assert.NotEqual(stamp, await StampAsync(id));
    }

    [Fact]
    public async Task ARefusedChangeLeavesTheTokensAndTheStampAlone()
    {
        var (client, id, _) = await UserAsync(server, "fout-getypt");
        var stamp = await StampAsync(id);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/me/password", new { current = "Niet-mijn-wachtwoord", @new = "Nieuw-wachtwoord-9" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(stamp, await StampAsync(id));
    }

    [Fact]
    public async Task ChangingThePasswordOnTheProfilePageRevokesTheAccountsTokens()
    {
        var (client, id, email) = await UserAsync(server, "profielwissel");
        var session = await new BrowserSession(server.BaseAddress).SignInAsync(email, Password);
        var stamp = await StampAsync(id);
        var fields = await session.FormFieldsAsync("/account/profile", "change-password");
        fields["Password.Current"] = Password;
        fields["Password.New"] = "Via-het-profiel-7";

        var response = await session.Client.SendAsync(session.SameOrigin(HttpMethod.Post, "/account/profile", new FormUrlEncodedContent(fields)));

        Assert.Contains("password-changed", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.NotEqual(stamp, await StampAsync(id));
        Assert.True(await SignsInAsync(server, email, "Via-het-profiel-7"));
    }

    [Fact]
    public async Task ASessionFromBeforeAPasswordChangeCannotMintATokenThroughTheApi()
    {
        var (client, id, email) = await UserAsync(server, "gekaapt");
        var stolen = await new BrowserSession(server.BaseAddress).SignInAsync(email, Password);
        // The stolen cookie works while the password is unchanged, so the refusal below is about the change.
        Assert.Equal(HttpStatusCode.Created, (await MintWithCookieAsync(stolen, id)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/me/password", new { current = Password, @new = "Nieuw-wachtwoord-9" })).StatusCode);
        var tokensAfterChange = await TokenCountAsync(id);

        // Well within the minute after which the cookie's own check would notice.
        var minted = await MintWithCookieAsync(stolen, id);

        Assert.Equal(HttpStatusCode.Unauthorized, minted.StatusCode);
        Assert.Equal(tokensAfterChange, await TokenCountAsync(id));
    }

    [Fact]
    public async Task ASessionFromBeforeAPasswordChangeCannotMintATokenOnTheProfilePageAndIsSignedOut()
    {
        var (client, id, email) = await UserAsync(server, "profielgekaapt");
        var stolen = await new BrowserSession(server.BaseAddress).SignInAsync(email, Password);
        var fields = await stolen.FormFieldsAsync("/account/profile", "create-token");
        fields["NewTokenName"] = "blijvend";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/me/password", new { current = Password, @new = "Nieuw-wachtwoord-9" })).StatusCode);
        var tokensAfterChange = await TokenCountAsync(id);

        var response = await stolen.Client.SendAsync(stolen.SameOrigin(HttpMethod.Post, "/account/profile", new FormUrlEncodedContent(fields)));

        Assert.DoesNotContain("new-token", await response.Content.ReadAsStringAsync());
        Assert.Equal(tokensAfterChange, await TokenCountAsync(id));
        Assert.False(stolen.HasSignInCookie);
    }

    [Fact]
    public async Task ACurrentSessionMintsATokenOnTheProfilePage()
    {
        var (_, id, email) = await UserAsync(server, "eigenprofiel");
        var session = await new BrowserSession(server.BaseAddress).SignInAsync(email, Password);
        var fields = await session.FormFieldsAsync("/account/profile", "create-token");
        fields["NewTokenName"] = "backup";
        var before = await TokenCountAsync(id);

        var response = await session.Client.SendAsync(session.SameOrigin(HttpMethod.Post, "/account/profile", new FormUrlEncodedContent(fields)));

        Assert.Contains("new-token", await response.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await TokenCountAsync(id));
    }

    private static Task<HttpResponseMessage> MintWithCookieAsync(BrowserSession session, string id) =>
        session.Client.SendAsync(session.SameOrigin(HttpMethod.Post, $"/api/users/{id}/tokens", JsonContent.Create(new { name = "blijvend" })));

    private async Task<int> TokenCountAsync(string id)
    {
        using var scope = server.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().ListAsync(id)).Count;
    }

    [Fact]
    public async Task AWrongCurrentPasswordIs403AndChangesNothing()
    {
        var (client, _, email) = await UserAsync(server, "raden");

        var response = await client.PostAsJsonAsync("/api/me/password", new { current = "Niet-mijn-wachtwoord", @new = "Nieuw-wachtwoord-9" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(await SignsInAsync(server, email, Password));
        Assert.False(await SignsInAsync(server, email, "Nieuw-wachtwoord-9"));
    }

    [Theory]
    [InlineData("""{"current":"Wachtwoord-123"}""", "A new password is required.")]
    [InlineData("""{"new":"Nieuw-wachtwoord-9"}""", "The current password is required.")]
    [InlineData("""{"current":"Wachtwoord-123","new":"kort1"}""", "at least 8 characters")]
    [InlineData("""{"current":"Wachtwoord-123","new":"geencijfers"}""", "digit")]
    public async Task AMissingOrWeakPasswordIs400WithTheReasonAndChangesNothing(string body, string reason)
    {
        var (client, _, email) = await UserAsync(server, "zwak" + Guid.NewGuid().ToString("n")[..8]);

        var response = await client.PostAsync("/api/me/password", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.True(await SignsInAsync(server, email, Password));
    }

    [Fact]
    public async Task WithoutCredentialsTheChangeIs401()
    {
        var response = await server.AnonymousClient().PostAsJsonAsync("/api/me/password", new { current = "x", @new = "Nieuw-wachtwoord-9" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AnAdministratorsResetLinkSetsANewPasswordOnce()
    {
        var (_, id, email) = await UserAsync(server, "vergeten");

        var made = await server.AdminClient().PostAsync($"/api/users/{id}/reset-link", null);

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var answer = await made.ReadJsonAsync();
        var link = answer.Str("link");
        Assert.True(answer.GetProperty("expires").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
        Assert.Equal(HttpStatusCode.OK, await PostResetAsync(link, "Gekozen-wachtwoord-1"));
        Assert.True(await SignsInAsync(server, email, "Gekozen-wachtwoord-1"));

        // The same link a second time: refused, and the password stays the one chosen.
        var again = new BrowserSession(server.BaseAddress);
        var page = await again.Client.GetStringAsync(PathOf(link));
        Assert.Contains("reset-invalid", page);
        Assert.DoesNotContain("reset-password", page);
        Assert.True(await SignsInAsync(server, email, "Gekozen-wachtwoord-1"));
    }

    [Fact]
    public async Task UsingAnAdministratorsResetLinkRevokesTheAccountsTokensAndRenewsItsStamp()
    {
        var (client, id, _) = await UserAsync(server, "overgenomen");
        var link = (await (await server.AdminClient().PostAsync($"/api/users/{id}/reset-link", null)).ReadJsonAsync()).Str("link");
        var stamp = await StampAsync(id);
        // Making the link changes nothing yet: the person may never use it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        await PostResetAsync(link, "Teruggepakt-wachtwoord-5");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.NotEqual(stamp, await StampAsync(id));
    }

    [Fact]
    public async Task OnlyAnAdministratorMakesResetLinksAndAnUnknownUserIs404()
    {
        var (client, id, _) = await UserAsync(server, "nieuwsgierig");
        var (_, other, _) = await UserAsync(server, "doelwit");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/users/{other}/reset-link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/users/{id}/reset-link", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.AdminClient().PostAsync("/api/users/00000000-0000-0000-0000-000000000000/reset-link", null)).StatusCode);
    }

    [Fact]
    public async Task AnAlteredResetLinkDoesNotWork()
    {
        var (_, id, email) = await UserAsync(server, "knoeier");
        var link = (await (await server.AdminClient().PostAsync($"/api/users/{id}/reset-link", null)).ReadJsonAsync()).Str("link");

        var page = await new BrowserSession(server.BaseAddress).Client.GetStringAsync(PathOf(link).Replace("token=", "token=x"));

        Assert.Contains("reset-invalid", page);
        Assert.True(await SignsInAsync(server, email, Password));
    }

    /// <summary>The account's security stamp as stored now.</summary>
    private async Task<string?> StampAsync(string id)
    {
        using var scope = server.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WikiUser>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(id))!);
    }

    /// <summary>Opens the reset link and submits the form; the status of the answer.</summary>
    private async Task<HttpStatusCode> PostResetAsync(string link, string password)
    {
        var session = new BrowserSession(server.BaseAddress);
        var fields = await session.FormFieldsAsync(PathOf(link), "reset");
        fields["Input.Password"] = password;
        var response = await session.Client.SendAsync(session.SameOrigin(HttpMethod.Post, PathOf(link), new FormUrlEncodedContent(fields)));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("reset-done", html);
        return response.StatusCode;
    }
}
