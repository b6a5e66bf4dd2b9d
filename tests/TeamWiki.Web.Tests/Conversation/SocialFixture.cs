using System.Net.Http.Json;
using System.Text.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Conversation;

/// <summary>
/// One server with staff (alice, bob, carol), a guest (gast) invited only to the private space "geheim"
/// (alice owns it, bob is a member), and a client per person.
/// </summary>
public sealed class SocialFixture : IAsyncLifetime
{
    public TeamWikiFactory Server { get; } = new();

    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        var admin = Server.AdminClient();
        foreach (var (name, guest) in new[] { ("alice", false), ("bob", false), ("carol", false), ("gast", true) })
        {
            var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name = char.ToUpperInvariant(name[0]) + name[1..], password = "Wachtwoord-123", guest })).ReadJsonAsync();
            var token = await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
            Clients[name] = Server.ClientWithToken(token.Str("token"));
        }

        Clients["admin"] = admin;
        var alice = Clients["alice"];
        (await alice.PostAsJsonAsync("/api/spaces", new { key = "geheim", name = "Geheim", visibility = "private", taskPrefix = "GH" })).EnsureSuccessStatusCode();
        (await alice.PutAsJsonAsync("/api/spaces/geheim/members/bob", new { role = "member" })).EnsureSuccessStatusCode();
        (await alice.PutAsJsonAsync("/api/spaces/geheim/members/gast@example.org", new { role = "guest" })).EnsureSuccessStatusCode();
        (await alice.PutAsJsonAsync("/api/pages/geheim/plan", new { markdown = "---\ntitle: Plan\n---\n\nHet plan.\n" })).EnsureSuccessStatusCode();
        (await alice.PutAsJsonAsync("/api/pages/handboek/reizen", new { markdown = "---\ntitle: Reizen\n---\n\nOver reizen.\n" })).EnsureSuccessStatusCode();
    }

    /// <summary>The person's notifications (newest first).</summary>
    public async Task<(int Unread, List<JsonElement> Items)> NotificationsAsync(string who)
    {
        var json = await (await Clients[who].GetAsync("/api/notifications")).ReadJsonAsync();
        return (json.GetProperty("unread").GetInt32(), json.GetProperty("items").EnumerateArray().ToList());
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}
