using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Accounts;

/// <summary>At most 3 invitations per inviter per hour.</summary>
public sealed class FewInvitationsFactory : TeamWikiFactory
{
    public const int MaxPerWindow = 3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["TeamWiki:Invitations:MaxPerWindow"] = MaxPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TeamWiki:Invitations:Window"] = "01:00:00",
    };
}

/// <summary>
/// Inviting and revoking in a loop keeps one invitation pending while every round may e-mail someone: the
/// number of invitations one person makes is limited per window, whatever became of them.
/// </summary>
public sealed class InvitationRateLimitTests(FewInvitationsFactory server) : IClassFixture<FewInvitationsFactory>
{
    [Fact]
    public async Task InvitingAndRevokingInALoopIsRefusedWith429OnceTheInviterIsOverTheLimit()
    {
        var inviter = await AdministratorAsync("lusbeheerder");
        // Refused requests (a bad address) make no invitation and use up nothing.
        for (var i = 0; i < FewInvitationsFactory.MaxPerWindow + 1; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await inviter.PostAsJsonAsync("/api/invitations", new { email = "geen-adres", name = "X" })).StatusCode);
        }

        for (var i = 0; i < FewInvitationsFactory.MaxPerWindow; i++)
        {
            var made = await inviter.PostAsJsonAsync("/api/invitations", new { email = $"lus{i}@example.org", name = "Lus" });
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await inviter.DeleteAsync($"/api/invitations/{(await made.ReadJsonAsync()).Str("id")}")).StatusCode);
        }

        var over = await inviter.PostAsJsonAsync("/api/invitations", new { email = "lus-te-veel@example.org", name = "Lus" });

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("application/problem+json", over.Content.Headers.ContentType?.MediaType);
        var wait = over.Headers.RetryAfter?.Delta;
        Assert.True(wait is { } w && w > TimeSpan.Zero && w <= TimeSpan.FromHours(1), $"Retry-After: {over.Headers.RetryAfter}");
        var problem = await over.ReadJsonAsync();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal((int)wait!.Value.TotalSeconds, problem.GetProperty("retryAfter").GetInt32());
        Assert.DoesNotContain("lus-te-veel@example.org", await PendingEmailsAsync(server.AdminClient()));

        // The limit is the inviter's own: another administrator still invites.
        var other = await AdministratorAsync("andere-beheerder");
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/invitations", new { email = "lus-te-veel@example.org", name = "Lus" })).StatusCode);
    }

    /// <summary>A new administrator with a token of their own.</summary>
    private async Task<HttpClient> AdministratorAsync(string name)
    {
        var admin = server.AdminClient();
        var created = await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name, password = AccountsTestUsers.Password, admin = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadJsonAsync()).Str("id");
        var token = await (await admin.PostAsJsonAsync($"/api/users/{id}/tokens", new { name = "test" })).ReadJsonAsync();
        return server.ClientWithToken(token.Str("token"));
    }

    private static async Task<List<string>> PendingEmailsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/invitations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).EnumerateArray().Select(i => i.Str("email")).ToList();
    }
}
