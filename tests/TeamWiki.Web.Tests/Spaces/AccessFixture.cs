using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>
/// A private space "geheim" (owner, member and an invited guest) next to the internal sample spaces, and
/// a client per kind of person: owner, member, guest, staff outside the space, a guest from elsewhere,
/// and nobody (no credentials).
/// </summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public const string SecretWord = "kwartelkoning";

    public TeamWikiFactory Server { get; } = new();

    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        var admin = Server.AdminClient();
        foreach (var (name, guest) in new[] { ("owner", false), ("member", false), ("guest", true), ("outsider", false), ("otherguest", true) })
        {
            var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name, password = "Wachtwoord-123", guest })).ReadJsonAsync();
            var token = await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
            Clients[name] = Server.ClientWithToken(token.Str("token"));
        }

        Clients["anonymous"] = Server.AnonymousClient();
        var owner = Clients["owner"];
        (await owner.PostAsJsonAsync("/api/spaces", new { key = "geheim", name = "Geheim project", visibility = "private", taskPrefix = "GH" })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/spaces/geheim/members/member", new { role = "member" })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/spaces/geheim/members/guest@example.org", new { role = "guest" })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/pages/geheim/plan", new { markdown = $"---\ntitle: Plan\n---\n\nHet {SecretWord}-plan.\n" })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/pages/handboek/open-plan", new { markdown = "---\ntitle: Open plan\n---\n\nHet stormvogelplan.\n" })).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync("/api/spaces/geheim/tasks", new { title = "Geheime taak" })).EnsureSuccessStatusCode();
        await WaitForIndexAsync();
    }

    /// <summary>Waits until the search index has caught up with the branch; fails loudly when it does not.</summary>
    public async Task WaitForIndexAsync()
    {
        var admin = Server.AdminClient();
        await Eventually(async () =>
        {
            var health = await (await admin.GetAsync("/health")).ReadJsonAsync();
            return health.Str("head") == health.Str("indexedCommit");
        }, "the search index to reach the head of the branch");
    }

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds. When the generous deadline passes it throws,
    /// naming <paramref name="what"/>: a wait that gives up quietly would let a "hidden" assertion pass
    /// on an index that is merely behind.
    /// </summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? deadline = null)
    {
        var limit = deadline ?? TimeSpan.FromSeconds(60);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Gave up after {limit.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}
