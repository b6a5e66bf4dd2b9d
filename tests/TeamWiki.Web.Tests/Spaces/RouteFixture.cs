using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Spaces;

/// <summary>
/// One of everything a route can name, in a private space: a page with two revisions, a task, a document,
/// a post with a reply, a comment, and a member with a photo. Readers: the space's owner; its guest; a
/// guest of another space; a visitor without credentials.
/// </summary>
public sealed class RouteFixture : IAsyncLifetime
{
    public TeamWikiFactory Server { get; } = new();

    public Dictionary<string, HttpClient> Clients { get; } = [];

    /// <summary>Concrete values for the route parameters, by name: what exists and the owner may read.</summary>
    public Dictionary<string, string> Values { get; } = [];

    public async Task InitializeAsync()
    {
        var admin = Server.AdminClient();
        var ids = new Dictionary<string, string>();
        // The member's full name is something only those who share a space with them may learn.
        foreach (var (name, fullName, guest) in new[] { ("eigenaar", "Eigenaar", false), ("gast", "Gast", true), ("vreemdegast", "Vreemde gast", true), ("lid", "Lid Kluis", false) })
        {
            var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name = fullName, password = "Wachtwoord-123", guest })).ReadJsonAsync();
            ids[name] = created.Str("id");
            var token = await (await admin.PostAsJsonAsync($"/api/users/{ids[name]}/tokens", new { name = "test" })).ReadJsonAsync();
            Clients[name] = Server.ClientWithToken(token.Str("token"));
        }

        Clients["anoniem"] = Server.AnonymousClient();

        // The guest from elsewhere is at home in a space of their own, so they are a real guest, not an account without spaces.
        (await admin.PostAsJsonAsync("/api/spaces", new { key = "elders", name = "Elders", visibility = "private", taskPrefix = "EL" })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/spaces/elders/members/vreemdegast@example.org", new { role = "guest" })).EnsureSuccessStatusCode();

        var owner = Clients["eigenaar"];
        (await owner.PostAsJsonAsync("/api/spaces", new { key = "kluis", name = "Brandkast", visibility = "private", taskPrefix = "KL" })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/spaces/kluis/members/gast@example.org", new { role = "guest" })).EnsureSuccessStatusCode();
        (await owner.PutAsJsonAsync("/api/spaces/kluis/members/lid@example.org", new { role = "member" })).EnsureSuccessStatusCode();
        (await owner.PutPageAsync("kluis/plan", "---\ntitle: Sleutelbeheer\n---\n\nEerste versie.\n")).EnsureSuccessStatusCode();
        (await owner.PutPageAsync("kluis/plan", "---\ntitle: Sleutelbeheer\n---\n\nTweede versie.\n")).EnsureSuccessStatusCode();
        (await owner.PostAsJsonAsync("/api/spaces/kluis/tasks", new { title = "Kluistaak" })).EnsureSuccessStatusCode();

        var file = new ByteArrayContent("Vertrouwelijke notitie."u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var uploaded = await (await owner.PostAsync("/api/spaces/kluis/documents", new MultipartFormDataContent { { file, "files", "notitie.txt" } })).ReadJsonAsync();

        var post = await (await owner.PostAsJsonAsync("/api/spaces/kluis/posts", new { markdown = "Een bericht in de kluis." })).ReadJsonAsync();
        var postId = post.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var reply = await (await owner.PostAsJsonAsync($"/api/posts/{postId}/replies", new { markdown = "Een antwoord." })).ReadJsonAsync();
        var comment = await (await owner.PostAsJsonAsync("/api/comments?target=page:kluis/plan", new { markdown = "Een opmerking." })).ReadJsonAsync();

        // A photo for the member, who shares no space with the guest from elsewhere.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
        Assert.Null(await Server.Services.GetRequiredService<Profiles>().SetPhotoAsync(ids["lid"], png));

        var history = await (await owner.GetAsync("/api/pages/kluis/plan/history")).ReadJsonAsync();
        Values["space"] = "kluis";
        Values["path"] = "kluis/plan";
        Values["task"] = "KL-1";
        Values["document"] = uploaded[0].Str("id");
        Values["post"] = postId;
        Values["reply"] = reply.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Values["comment"] = comment.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Values["person"] = "lid";
        Values["userId"] = ids["lid"];
        Values["newRevision"] = history[0].Str("revision");
        Values["oldRevision"] = history[1].Str("revision");
    }

    public Task DisposeAsync()
    {
        foreach (var client in Clients.Values)
        {
            client.Dispose();
        }

        Server.Dispose();
        return Task.CompletedTask;
    }
}
