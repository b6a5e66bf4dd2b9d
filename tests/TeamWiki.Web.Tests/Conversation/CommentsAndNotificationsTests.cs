using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Conversation;

public sealed class CommentsAndNotificationsTests(SocialFixture fx) : IClassFixture<SocialFixture>
{
    [Fact]
    public async Task A_mention_in_a_comment_notifies_that_person_with_a_link_to_the_comment()
    {
        var (before, _) = await fx.NotificationsAsync("bob");
        var created = await fx.Clients["alice"].PostAsJsonAsync("/api/comments?target=page:handboek/reizen", new { markdown = "@bob kun jij dit nakijken? (cc alice@example.org)" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var comment = await created.ReadJsonAsync();
        Assert.Contains("class=\"mention\" href=\"/people/bob\"", comment.Str("html"));

        var (after, items) = await fx.NotificationsAsync("bob");
        Assert.Equal(before + 1, after);
        var n = items[0];
        Assert.Equal("mention", n.Str("kind"));
        Assert.Equal($"/wiki/handboek/reizen#comment-{comment.GetProperty("id").GetInt64()}", n.Str("url"));
        Assert.Equal("Alice", n.Str("actor"));

        // Nobody hears of their own action, even when they mention themselves.
        var (_, alices) = await fx.NotificationsAsync("alice");
        Assert.DoesNotContain(alices, x => x.Str("url").EndsWith($"#comment-{comment.GetProperty("id").GetInt64()}"));

        var read = await fx.Clients["bob"].PostAsync($"/api/notifications/{n.GetProperty("id").GetInt64()}/read", null);
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(after - 1, (await fx.NotificationsAsync("bob")).Unread);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["carol"].PostAsync($"/api/notifications/{n.GetProperty("id").GetInt64()}/read", null)).StatusCode);
    }

    [Fact]
    public async Task Guests_are_never_notified_about_what_they_cannot_see()
    {
        var (before, _) = await fx.NotificationsAsync("gast");
        (await fx.Clients["alice"].PostAsJsonAsync("/api/comments?target=page:handboek/reizen", new { markdown = "Hallo @gast" })).EnsureSuccessStatusCode();
        (await fx.Clients["alice"].PostAsJsonAsync("/api/posts", new { markdown = "Team: @gast" })).EnsureSuccessStatusCode();
        Assert.Equal(before, (await fx.NotificationsAsync("gast")).Unread);

        (await fx.Clients["alice"].PostAsJsonAsync("/api/comments?target=page:geheim/plan", new { markdown = "Hallo @gast, wat vind je?" })).EnsureSuccessStatusCode();
        Assert.Equal(before + 1, (await fx.NotificationsAsync("gast")).Unread);
    }

    [Fact]
    public async Task Replies_stay_one_level_deep_and_notify_the_thread()
    {
        var top = await (await fx.Clients["carol"].PostAsJsonAsync("/api/comments?target=page:handboek/reizen", new { markdown = "Klopt de vergoeding nog?" })).ReadJsonAsync();
        var topId = top.GetProperty("id").GetInt64();
        var first = await (await fx.Clients["bob"].PostAsJsonAsync("/api/comments?target=page:handboek/reizen", new { markdown = "Ja", parentId = topId })).ReadJsonAsync();
        var second = await (await fx.Clients["alice"].PostAsJsonAsync("/api/comments?target=page:handboek/reizen", new { markdown = "Zeker", parentId = first.GetProperty("id").GetInt64() })).ReadJsonAsync();

        Assert.Equal(topId, second.GetProperty("parentId").GetInt64());
        var list = await (await fx.Clients["carol"].GetAsync("/api/comments?target=page:handboek/reizen")).ReadJsonAsync();
        var thread = list.EnumerateArray().Single(c => c.GetProperty("id").GetInt64() == topId);
        Assert.Equal(2, thread.GetProperty("replies").GetArrayLength());
        var (_, carols) = await fx.NotificationsAsync("carol");
        Assert.Contains(carols, n => n.Str("kind") == "reply" && n.Str("url").EndsWith($"#comment-{second.GetProperty("id").GetInt64()}"));
    }

    [Fact]
    public async Task Only_the_author_edits_and_the_author_or_an_owner_removes()
    {
        var c = await (await fx.Clients["bob"].PostAsJsonAsync("/api/comments?target=page:geheim/plan", new { markdown = "Eerste versie" })).ReadJsonAsync();
        var id = c.GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Clients["alice"].PatchAsJsonAsync($"/api/comments/{id}", new { markdown = "Overschreven" })).StatusCode);
        var edited = await (await fx.Clients["bob"].PatchAsJsonAsync($"/api/comments/{id}", new { markdown = "Tweede versie" })).ReadJsonAsync();
        Assert.Equal("Tweede versie", edited.Str("markdown"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, c.GetProperty("edited").ValueKind);
        Assert.True(edited.GetProperty("edited").GetDateTimeOffset() >= c.GetProperty("created").GetDateTimeOffset(), "edited after it was written");
        Assert.Equal(HttpStatusCode.BadRequest, (await fx.Clients["bob"].PatchAsJsonAsync($"/api/comments/{id}", new { markdown = "" })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Clients["gast"].DeleteAsync($"/api/comments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["carol"].DeleteAsync($"/api/comments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fx.Clients["alice"].DeleteAsync($"/api/comments/{id}")).StatusCode);

        var list = await (await fx.Clients["bob"].GetAsync("/api/comments?target=page:geheim/plan")).ReadJsonAsync();
        var removed = list.EnumerateArray().Single(x => x.GetProperty("id").GetInt64() == id);
        Assert.True(removed.GetProperty("deleted").GetBoolean());
        Assert.Equal("", removed.Str("markdown"));
    }

    [Fact]
    public async Task Bad_targets_are_refused_clearly()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await fx.Clients["bob"].GetAsync("/api/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["bob"].GetAsync("/api/comments?target=page:handboek/bestaat-niet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["bob"].GetAsync("/api/comments?target=page:../../etc/passwd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["carol"].GetAsync("/api/comments?target=page:geheim/plan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["bob"].PostAsJsonAsync("/api/comments?target=koffie:1", new { markdown = "x" })).StatusCode);
    }

    [Fact]
    public async Task Watchers_hear_of_changes_by_others_and_assignees_of_their_tasks()
    {
        var watch = await fx.Clients["carol"].PutAsync("/api/watches?target=page:handboek/reizen", null);
        Assert.Equal(HttpStatusCode.OK, watch.StatusCode);
        (await fx.Clients["bob"].PutAsJsonAsync("/api/pages/handboek/reizen", new { markdown = "---\ntitle: Reizen\n---\n\nOver reizen, nu met trein.\n" })).EnsureSuccessStatusCode();
        var task = await (await fx.Clients["alice"].PostAsJsonAsync("/api/spaces/geheim/tasks", new { title = "Offerte sturen", assignee = "bob" })).ReadJsonAsync();

        await Eventually.UntilAsync(async () => (await fx.NotificationsAsync("carol")).Items.Any(n => n.Str("kind") == "changed" && n.Str("url") == "/wiki/handboek/reizen"),
            "carol's notification that handboek/reizen changed");
        await Eventually.UntilAsync(async () => (await fx.NotificationsAsync("bob")).Items.Any(n => n.Str("kind") == "assigned" && n.Str("url") == $"/tasks/{task.Str("key")}"),
            "bob's notification of the task assigned to him");
        Assert.DoesNotContain((await fx.NotificationsAsync("bob")).Items, n => n.Str("kind") == "changed" && n.Str("url") == "/wiki/handboek/reizen");
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["carol"].PutAsync("/api/watches?target=page:geheim/plan", null)).StatusCode);
    }

    [Fact]
    public async Task Assignees_are_reminded_once_of_tasks_due_soon()
    {
        var due = DateTime.Today.AddDays(1).ToString("yyyy-MM-dd");
        var task = await (await fx.Clients["alice"].PostAsJsonAsync("/api/spaces/geheim/tasks", new { title = "Contract tekenen", assignee = "bob", due })).ReadJsonAsync();
        (await fx.Clients["alice"].PostAsJsonAsync("/api/spaces/geheim/tasks", new { title = "Later", assignee = "bob", due = DateTime.Today.AddDays(9).ToString("yyyy-MM-dd") })).EnsureSuccessStatusCode();
        var reminders = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TeamWiki.Web.Notifications.DueDateReminder>(fx.Server.Services);

        await reminders.RemindAsync();
        await reminders.RemindAsync();

        var dueItems = (await fx.NotificationsAsync("bob")).Items.Where(n => n.Str("kind") == "due").ToList();
        var item = Assert.Single(dueItems);
        Assert.Equal($"/tasks/{task.Str("key")}", item.Str("url"));
    }
}
