using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Web.Accounts;
using TeamWiki.Web.Tests.Conversation;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Search;

/// <summary>Posts with their replies, comments and people through <c>GET /api/search</c>, as each reader may see them.</summary>
public sealed class SaidSearchTests(SocialFixture fx) : IClassFixture<SocialFixture>
{
    [Fact]
    public async Task A_reply_a_comment_and_their_kinds_are_found_and_filtered()
    {
        var alice = fx.Clients["alice"];
        var post = await (await alice.PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Wie gaat er mee naar het vogelkamp?" })).ReadJsonAsync();
        var postId = post.GetProperty("id").GetInt64();
        (await fx.Clients["bob"].PostAsJsonAsync($"/api/posts/{postId}/replies", new { markdown = "Ik zag daar vorig jaar een lepelaar." })).EnsureSuccessStatusCode();
        var comment = await (await alice.PostAsJsonAsync("/api/comments?target=page:handboek/reizen", new { markdown = "Bij de roerdomp stoppen we even." })).ReadJsonAsync();
        var commentId = comment.GetProperty("id").GetInt64();

        var byReply = Single(await SearchAsync("carol", "lepelaar"));
        Assert.Equal(("post", postId.ToString(), $"/posts/{postId}", "handboek"), (byReply.Str("kind"), byReply.Str("path"), byReply.Str("url"), byReply.Str("space")));
        Assert.Contains("<mark>lepelaar</mark>", byReply.Str("snippet"));

        var byComment = Single(await SearchAsync("carol", "roerdomp", "comment"));
        Assert.Equal(("comment", "Reizen", $"/wiki/handboek/reizen#comment-{commentId}"), (byComment.Str("kind"), byComment.Str("title"), byComment.Str("url")));
        Assert.Contains("<mark>roerdomp</mark>", byComment.Str("snippet"));
        Assert.Equal(0, (await SearchAsync("carol", "roerdomp", "post")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchAsync("carol", "lepelaar", "comment")).GetProperty("total").GetInt32());
        Assert.Equal("post", Single(await SearchAsync("carol", "lepelaar kind:post")).Str("kind"));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused()
    {
        var response = await fx.Clients["carol"].GetAsync("/api/search?q=reizen&kind=taart");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_comment_in_a_private_space_is_found_only_by_its_readers()
    {
        var outsider = await GuestOutsideEveryOtherSpaceAsync("buiten");
        var comment = await (await fx.Clients["alice"].PostAsJsonAsync("/api/comments?target=page:geheim/plan", new { markdown = "De ijsvogel broedt achter het plan." })).ReadJsonAsync();
        var path = $"page:geheim/plan#comment-{comment.GetProperty("id").GetInt64()}";
        (await fx.Clients["alice"].PostAsJsonAsync("/api/posts", new { markdown = "Teamnieuws: de grutto is terug." })).EnsureSuccessStatusCode();

        foreach (var reader in new[] { "alice", "bob", "gast", "admin" })
        {
            Assert.Equal(path, Single(await SearchAsync(reader, "ijsvogel")).Str("path"));
        }

        foreach (var client in new[] { fx.Clients["carol"], outsider })
        {
            var results = await (await client.GetAsync("/api/search?q=ijsvogel")).ReadJsonAsync();
            Assert.Equal(0, results.GetProperty("total").GetInt32());
            Assert.Null(results.GetProperty("suggestion").GetString());
        }

        // The team stream is for staff: never for guests.
        Assert.Equal("post", Single(await SearchAsync("carol", "grutto")).Str("kind"));
        Assert.Equal(0, (await SearchAsync("gast", "grutto")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await (await outsider.GetAsync("/api/search?q=grutto")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_guest_finds_only_the_people_who_share_a_space_with_them()
    {
        // Carol is staff outside "geheim"; Bob shares it with the guest.
        var carol = await Eventually.UntilAsync(() => SearchAsync("bob", "Carol", "person"), r => r.GetProperty("total").GetInt32() == 1, "staff to find Carol");
        Assert.Equal(("Carol", "/people/carol"), (Single(carol).Str("title"), Single(carol).Str("url")));
        await Eventually.UntilAsync(() => SearchAsync("gast", "Bob", "person"), r => r.GetProperty("total").GetInt32() == 1, "the guest to find Bob");

        Assert.Equal(0, (await SearchAsync("gast", "Carol", "person")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await SearchAsync("gast", "Carol")).GetProperty("total").GetInt32());
        var outsider = await GuestOutsideEveryOtherSpaceAsync("eenling");
        Assert.Equal(0, (await (await outsider.GetAsync("/api/search?q=Bob&kind=person")).ReadJsonAsync()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Edits_removals_and_profile_changes_reach_the_index()
    {
        var alice = fx.Clients["alice"];
        var comment = await (await alice.PostAsJsonAsync("/api/comments?target=page:handboek/reizen", new { markdown = "De kwikstaart zat op het dak." })).ReadJsonAsync();
        var id = comment.GetProperty("id").GetInt64();
        Assert.Equal(1, (await SearchAsync("carol", "kwikstaart")).GetProperty("total").GetInt32());

        (await alice.PatchAsJsonAsync($"/api/comments/{id}", new { markdown = "De boomklever zat op het dak." })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await SearchAsync("carol", "kwikstaart")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync("carol", "boomklever")).GetProperty("total").GetInt32());

        (await alice.DeleteAsync($"/api/comments/{id}")).EnsureSuccessStatusCode();
        Assert.Equal(0, (await SearchAsync("carol", "boomklever")).GetProperty("total").GetInt32());

        var post = await (await alice.PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Wie heeft de verrekijker van de zwarte specht?" })).ReadJsonAsync();
        var postId = post.GetProperty("id").GetInt64();
        var reply = await (await fx.Clients["bob"].PostAsJsonAsync($"/api/posts/{postId}/replies", new { markdown = "Ligt in de zeearend-kast." })).ReadJsonAsync();
        Assert.Equal(1, (await SearchAsync("carol", "zeearend")).GetProperty("total").GetInt32());
        (await fx.Clients["bob"].DeleteAsync($"/api/replies/{reply.GetProperty("id").GetInt64()}")).EnsureSuccessStatusCode();
        Assert.Equal(0, (await SearchAsync("carol", "zeearend")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync("carol", "verrekijker")).GetProperty("total").GetInt32());
        (await alice.DeleteAsync($"/api/posts/{postId}")).EnsureSuccessStatusCode();
        Assert.Equal(0, (await SearchAsync("carol", "verrekijker")).GetProperty("total").GetInt32());

        var carolId = (await fx.Server.Services.GetRequiredService<PeopleDirectory>().ByHandleAsync("carol"))!.Id;
        Assert.Empty(await fx.Server.Services.GetRequiredService<Profiles>().SaveAsync(carolId, new ProfileChange("Vogelwerkgroep", null, "nestkasten, ringonderzoek", false)));
        var found = await Eventually.UntilAsync(() => SearchAsync("alice", "ringonderzoek", "person"), r => r.GetProperty("total").GetInt32() == 1, "Carol's new topic to be found");
        Assert.Equal("carol", Single(found).Str("path"));
        Assert.Equal("person", Single(await SearchAsync("alice", "Vogelwerkgroep")).Str("kind"));
    }

    [Fact]
    public async Task Comments_on_a_page_that_is_deleted_are_no_longer_found()
    {
        var alice = fx.Clients["alice"];
        (await alice.PutAsJsonAsync("/api/pages/handboek/vogelhut", new { markdown = "---\ntitle: Vogelhut\n---\n\nDe hut.\n" })).EnsureSuccessStatusCode();
        (await alice.PostAsJsonAsync("/api/comments?target=page:handboek/vogelhut", new { markdown = "Er zat een klapekster op het hek." })).EnsureSuccessStatusCode();
        Assert.Equal("Vogelhut", Single(await SearchAsync("carol", "klapekster")).Str("title"));

        (await alice.DeleteAsync("/api/pages/handboek/vogelhut")).EnsureSuccessStatusCode();
        await Eventually.UntilAsync(() => SearchAsync("carol", "klapekster"), r => r.GetProperty("total").GetInt32() == 0, "the comment on the deleted page to leave the index");
    }

    [Fact]
    public async Task A_question_with_a_marked_answer_ranks_above_the_same_question_without()
    {
        var alice = fx.Clients["alice"];
        var ids = new List<long>();
        foreach (var _ in new[] { 1, 2 })
        {
            var asked = await (await alice.PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Waar staat de bonte vliegenvanger in de gids?", question = true })).ReadJsonAsync();
            var id = asked.GetProperty("id").GetInt64();
            ids.Add(id);
            var reply = await (await fx.Clients["bob"].PostAsJsonAsync($"/api/posts/{id}/replies", new { markdown = "Op bladzijde twaalf." })).ReadJsonAsync();
            if (ids.Count == 2)
            {
                // The later one: when scores tie, the earlier record comes first, so only the lift can move it up.
                (await alice.PostAsJsonAsync($"/api/posts/{id}/answer", new { replyId = reply.GetProperty("id").GetInt64() })).EnsureSuccessStatusCode();
            }
        }

        var items = (await SearchAsync("carol", "vliegenvanger")).GetProperty("items").EnumerateArray().Select(i => i.Str("path")).ToList();
        Assert.Equal([ids[1].ToString(), ids[0].ToString()], items);
    }

    private async Task<HttpClient> GuestOutsideEveryOtherSpaceAsync(string name)
    {
        var admin = fx.Clients["admin"];
        var created = await (await admin.PostAsJsonAsync("/api/users", new { email = $"{name}@example.org", name, password = "Wachtwoord-123", guest = true })).ReadJsonAsync();
        var token = await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
        return fx.Server.ClientWithToken(token.Str("token"));
    }

    private async Task<JsonElement> SearchAsync(string who, string q, string? kind = null)
    {
        var response = await fx.Clients[who].GetAsync($"/api/search?q={Uri.EscapeDataString(q)}{(kind is null ? "" : "&kind=" + kind)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static JsonElement Single(JsonElement results) => Assert.Single(results.GetProperty("items").EnumerateArray());
}
