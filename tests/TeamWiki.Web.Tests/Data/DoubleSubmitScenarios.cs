using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Storage.Data;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Data;

/// <summary>
/// Ten identical requests at once, for each write that checks before it inserts. Run against SQLite and
/// PostgreSQL by the two classes below; each scenario works on rows of its own, so they share a server.
/// </summary>
public abstract class DoubleSubmitScenarios(TeamWikiFactory server)
{
    private const int Clicks = 10;
    private const int Rounds = 3;

    /// <summary>Ten identical reactions at once give one reaction.</summary>
    protected async Task ReactionsAsync()
    {
        var admin = server.AdminClient();
        var post = (await (await admin.PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Dubbelklik op duim" })).ReadJsonAsync()).GetProperty("id").GetInt64();

        for (var round = 0; round < Rounds; round++)
        {
            var on = await AtOnce.AtOnceAsync(Clicks, _ => admin.PostAsJsonAsync($"/api/posts/{post}/reactions", new { emoji = "👍", on = true }));

            Assert.All(on, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(1, await CountAsync(db => db.Reactions.CountAsync(r => r.TargetType == "post" && r.TargetId == post)));
            var shown = await (await admin.GetAsync($"/api/posts/{post}")).ReadJsonAsync();
            var thumbs = Assert.Single(shown.GetProperty("reactions").EnumerateArray());
            Assert.Equal(1, thumbs.GetProperty("count").GetInt32());

            var off = await AtOnce.AtOnceAsync(Clicks, _ => admin.PostAsJsonAsync($"/api/posts/{post}/reactions", new { emoji = "👍", on = false }));

            Assert.All(off, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(0, await CountAsync(db => db.Reactions.CountAsync(r => r.TargetType == "post" && r.TargetId == post)));
        }
    }

    /// <summary>Ten toggles at once never fail and leave at most one reaction.</summary>
    protected async Task TogglesAsync()
    {
        var admin = server.AdminClient();
        var post = (await (await admin.PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Wisselen maar" })).ReadJsonAsync()).GetProperty("id").GetInt64();

        var responses = await AtOnce.AtOnceAsync(Clicks, _ => admin.PostAsJsonAsync($"/api/posts/{post}/reactions", new { emoji = "🎉" }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.InRange(await CountAsync(db => db.Reactions.CountAsync(r => r.TargetType == "post" && r.TargetId == post)), 0, 1);
    }

    /// <summary>Ten identical member puts at once make one membership.</summary>
    protected async Task MembersAsync()
    {
        var admin = server.AdminClient();
        (await admin.PostAsJsonAsync("/api/spaces", new { key = "dubbel", name = "Dubbel" })).EnsureSuccessStatusCode();
        var bob = await CreateUserAsync(admin, "bob.dubbel@example.org");

        var responses = await AtOnce.AtOnceAsync(Clicks, _ => admin.PutAsJsonAsync("/api/spaces/dubbel/members/bob.dubbel@example.org", new { role = "member" }));

        Assert.True(responses.All(r => r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created), responses.Codes());
        Assert.Equal(1, responses.Count(HttpStatusCode.Created));
        Assert.Equal(1, await CountAsync(db => db.SpaceMembers.CountAsync(m => m.SpaceKey == "dubbel" && m.UserId == bob)));
        var member = await (await admin.GetAsync("/api/spaces/dubbel/members/bob.dubbel@example.org")).ReadJsonAsync();
        Assert.Equal("member", member.Str("role"));
    }

    /// <summary>Ten identical watches at once make one watch.</summary>
    protected async Task WatchesAsync()
    {
        var admin = server.AdminClient();
        var adminId = (await (await admin.GetAsync("/api/me")).ReadJsonAsync()).Str("id");
        const string target = "page:handboek/welkom";

        // A few rounds: on SQLite, which runs one writer at a time, the window between check and insert is short.
        for (var round = 0; round < Rounds; round++)
        {
            var on = await AtOnce.AtOnceAsync(Clicks, _ => admin.PutAsync($"/api/watches?target={target}", null));

            Assert.All(on, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(1, await CountAsync(db => db.Watches.CountAsync(w => w.UserId == adminId && w.Target == target)));

            var off = await AtOnce.AtOnceAsync(Clicks, _ => admin.DeleteAsync($"/api/watches?target={target}"));

            Assert.All(off, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Equal(0, await CountAsync(db => db.Watches.CountAsync(w => w.UserId == adminId && w.Target == target)));
        }
    }

    /// <summary>Ten accounts at once with the same handle each get a handle of their own.</summary>
    protected async Task HandlesAsync()
    {
        var admin = server.AdminClient();

        var responses = await AtOnce.AtOnceAsync(Clicks, i => admin.PostAsJsonAsync("/api/users", new { email = $"gelijk@domein{i}.example", name = $"Gelijk {i}", password = "Wachtwoord-123" }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var handles = new List<string>();
        foreach (var response in responses)
        {
            handles.Add((await response.ReadJsonAsync()).Str("handle"));
        }

        Assert.Equal(Clicks, handles.Distinct().Count());
        Assert.Contains("gelijk", handles);
        Assert.Equal(Clicks, await CountAsync(db => db.Users.CountAsync(u => u.Handle.StartsWith("gelijk"))));
    }

    /// <summary>Ten identical accounts at once make one account and answer 409 to the rest.</summary>
    protected async Task AccountsAsync()
    {
        var admin = server.AdminClient();

        var responses = await AtOnce.AtOnceAsync(Clicks, _ => admin.PostAsJsonAsync("/api/users", new { email = "een@example.org", name = "Een", password = "Wachtwoord-123" }));

        Assert.Equal(1, responses.Count(HttpStatusCode.Created));
        Assert.Equal(Clicks - 1, responses.Count(HttpStatusCode.Conflict));
        Assert.Equal(1, await CountAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == "EEN@EXAMPLE.ORG")));
    }

    /// <summary>Creates a staff account and returns its id.</summary>
    protected static async Task<string> CreateUserAsync(HttpClient admin, string email)
    {
        var created = await admin.PostAsJsonAsync("/api/users", new { email, name = email[..email.IndexOf('@')], password = "Wachtwoord-123" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync()).Str("id");
    }

    /// <summary>Reads the server's own database, whichever provider it runs on.</summary>
    protected async Task<int> CountAsync(Func<TeamWikiDbContext, Task<int>> count)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<TeamWikiDbContext>>().CreateDbContextAsync();
        return await count(db);
    }
}
