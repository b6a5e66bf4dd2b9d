using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Accounts;

/// <summary>Accounts made through the admin API, each with an API token, for the account tests.</summary>
public static class AccountsTestUsers
{
    public const string Password = "Wachtwoord-123";

    /// <summary>Makes <paramref name="name"/>@example.org and returns a client with its token and its id.</summary>
    public static async Task<(HttpClient Client, string Id, string Email)> UserAsync(TeamWikiFactory server, string name, bool guest = false)
    {
        var admin = server.AdminClient();
        var email = $"{name}@example.org";
        var created = await admin.PostAsJsonAsync("/api/users", new { email, name, password = Password, guest });
        Assert.True(created.IsSuccessStatusCode, $"creating {email}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = (await created.ReadJsonAsync()).Str("id");
        var token = await (await admin.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "test" })).ReadJsonAsync();
        return (server.ClientWithToken(token.Str("token")), id, email);
    }

    /// <summary>The path and query of an absolute link, to follow it on the test server whatever host it names.</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    /// <summary>True when <paramref name="email"/> signs in with <paramref name="password"/> on the sign-in form.</summary>
    public static async Task<bool> SignsInAsync(TeamWikiFactory server, string email, string password)
    {
        var session = new BrowserSession(server.BaseAddress);
        await session.PostSignInAsync(email, password);
        return session.HasSignInCookie;
    }
}
