using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>
/// Task keys are global (<c>GH-1</c>), comments are stored against the key. When a private space
/// changes its task prefix, the old prefix is free for another space, whose first task then gets a key
/// the private space's task still has: its comments must not follow the key into the other space.
/// </summary>
public sealed class ReusedTaskKeyTests
{
    private const string Secret = "kwartelkoning";

    [Fact]
    public async Task ANewTaskNeverTakesTheKeyOfATaskInAnotherSpaceNorShowsThatTask()
    {
        using var server = new TeamWikiFactory();
        var alice = await UserAsync(server, "alice");
        var carol = await UserAsync(server, "carol");
        (await alice.PostAsJsonAsync("/api/spaces", new { key = "geheim", name = "Geheim project", visibility = "private", taskPrefix = "GH" })).EnsureSuccessStatusCode();
        var task = await (await alice.PostAsJsonAsync("/api/spaces/geheim/tasks", new { title = "Geheime taak" })).ReadJsonAsync();
        Assert.Equal("GH-1", task.Str("key"));
        (await alice.PostAsJsonAsync("/api/comments?target=task:GH-1", new { markdown = $"Het bod is {Secret}" })).EnsureSuccessStatusCode();

        // The owners pick another prefix for new tasks; the old task keeps its key.
        (await alice.PatchAsJsonAsync("/api/spaces/geheim", new { taskPrefix = "GZ" })).EnsureSuccessStatusCode();

        // Carol, who may not read "geheim", takes the free prefix for a space of her own.
        Assert.Equal(HttpStatusCode.NotFound, (await carol.GetAsync("/api/comments?target=task:GH-1")).StatusCode);
        (await carol.PostAsJsonAsync("/api/spaces", new { key = "aaa", name = "Aaa", taskPrefix = "GH" })).EnsureSuccessStatusCode();
        var created = await carol.PostAsJsonAsync("/api/spaces/aaa/tasks", new { title = "Open taak" });
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain("Geheime taak", createdText);
        var hers = System.Text.Json.JsonDocument.Parse(createdText).RootElement;
        Assert.Equal("aaa", hers.Str("space"));
        Assert.Equal("Open taak", hers.Str("title"));

        // Her task is hers under its key, and the private task is still there for its space, with its comment.
        var read = await (await carol.GetAsync($"/api/tasks/{hers.Str("key")}")).ReadJsonAsync();
        Assert.Equal("Open taak", read.Str("title"));
        Assert.DoesNotContain(Secret, await (await carol.GetAsync($"/api/comments?target=task:{hers.Str("key")}")).Content.ReadAsStringAsync());
        var theirs = await (await alice.GetAsync("/api/tasks/GH-1")).ReadJsonAsync();
        Assert.Equal("geheim", theirs.Str("space"));
        Assert.Contains(Secret, await (await alice.GetAsync("/api/comments?target=task:GH-1")).Content.ReadAsStringAsync());
    }

    private static async Task<HttpClient> UserAsync(TeamWikiFactory server, string name)
    {
        var admin = server.AdminClient();
        var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name, password = "Wachtwoord-123" })).ReadJsonAsync();
        var token = await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
        return server.ClientWithToken(token.Str("token"));
    }
}
