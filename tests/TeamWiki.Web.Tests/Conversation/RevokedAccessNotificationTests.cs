using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Web.Notifications;
using TeamWiki.Web.Tests.Conversation;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Conversation;

/// <summary>
/// A notification is addressed while its recipient may read the space; it is read (in the bell, on
/// <c>/notifications</c>, through the API) and mailed (the daily digest) later. By then the recipient may
/// have been taken off the space: what they see then must follow what they may read then.
/// </summary>
public sealed class RevokedAccessNotificationTests
{
    private const string Secret = "kwartelkoning";

    [Fact]
    public async Task NotificationsFromASpaceOneWasRemovedFromAreNeitherListedCountedNorMailed()
    {
        using var server = new MailingFactory();
        var (alice, _) = await UserAsync(server, "alice");
        var (bob, _) = await UserAsync(server, "bob");
        (await alice.PostAsJsonAsync("/api/spaces", new { key = "geheim", name = "Geheim project", visibility = "private" })).EnsureSuccessStatusCode();
        (await alice.PutAsJsonAsync("/api/spaces/geheim/members/bob", new { role = "member" })).EnsureSuccessStatusCode();
        (await alice.PutAsJsonAsync("/api/pages/geheim/overname", new { markdown = "---\ntitle: Overname Stormvogel BV\n---\n\nVertrouwelijk.\n" })).EnsureSuccessStatusCode();
        (await alice.PostAsJsonAsync("/api/comments?target=page:geheim/overname", new { markdown = $"@bob het bod is {Secret}" })).EnsureSuccessStatusCode();

        var before = await (await bob.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Equal(1, before.GetProperty("unread").GetInt32());
        Assert.Contains(Secret, before.GetRawText());

        // Bob leaves the project before he has read it, and before the day's digest goes out.
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await alice.DeleteAsync("/api/spaces/geheim/members/bob")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await bob.GetAsync("/api/pages/geheim/overname")).StatusCode);

        var after = await (await bob.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Equal(0, after.GetProperty("unread").GetInt32());
        Assert.Empty(after.GetProperty("items").EnumerateArray());
        Assert.DoesNotContain(Secret, after.GetRawText());
        Assert.DoesNotContain("Overname", after.GetRawText());

        await server.Services.GetRequiredService<DigestSender>().SendDigestsAsync();
        var mailed = string.Join("\n", server.Sink.ReceivedEmail.SelectMany(m => m.MessageParts.Select(p => p.BodyData)));
        Assert.DoesNotContain(Secret, mailed);
        Assert.DoesNotContain("Overname", mailed);

        // Taken back on, the notification is there again: nothing was lost, it was only not shown.
        (await alice.PutAsJsonAsync("/api/spaces/geheim/members/bob", new { role = "member" })).EnsureSuccessStatusCode();
        var back = await (await bob.GetAsync("/api/notifications")).ReadJsonAsync();
        Assert.Equal(1, back.GetProperty("unread").GetInt32());
        Assert.Contains(Secret, back.GetRawText());
    }

    private static async Task<(HttpClient Client, string Id)> UserAsync(TeamWikiFactory server, string name)
    {
        var admin = server.AdminClient();
        var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name, password = "Wachtwoord-123" })).ReadJsonAsync();
        var token = await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
        return (server.ClientWithToken(token.Str("token")), created.Str("id"));
    }
}
