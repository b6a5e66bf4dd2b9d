using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Conversation;

public sealed class ConversationApiTests(SocialFixture fx) : IClassFixture<SocialFixture>
{
    [Fact]
    public async Task A_question_gets_a_reply_that_the_asker_marks_as_the_answer()
    {
        var asked = await fx.Clients["alice"].PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Hoe declareer ik **reiskosten**?", tags = new[] { "Reizen", "#declaraties" }, question = true });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var post = await asked.ReadJsonAsync();
        var id = post.GetProperty("id").GetInt64();
        Assert.Equal(["reizen", "declaraties"], post.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("<strong>reiskosten</strong>", post.Str("html"));

        var reply = await (await fx.Clients["bob"].PostAsJsonAsync($"/api/posts/{id}/replies", new { markdown = "Via het formulier in [[Reizen]]." })).ReadJsonAsync();
        var replyId = reply.GetProperty("id").GetInt64();

        var notMine = await fx.Clients["carol"].PostAsJsonAsync($"/api/posts/{id}/answer", new { replyId });
        Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);

        var marked = await (await fx.Clients["alice"].PostAsJsonAsync($"/api/posts/{id}/answer", new { replyId })).ReadJsonAsync();
        Assert.Equal(replyId, marked.GetProperty("answerReplyId").GetInt64());
        Assert.True(marked.GetProperty("replies")[0].GetProperty("isAnswer").GetBoolean());

        var (_, bobs) = await fx.NotificationsAsync("bob");
        Assert.Contains(bobs, n => n.Str("kind") == "answer" && n.Str("url") == $"/posts/{id}#reply-{replyId}");
        var (_, alices) = await fx.NotificationsAsync("alice");
        Assert.Contains(alices, n => n.Str("kind") == "reply" && n.Str("url").StartsWith($"/posts/{id}"));
        Assert.DoesNotContain(alices, n => n.Str("kind") == "answer");

        var stream = await (await fx.Clients["carol"].GetAsync("/api/spaces/handboek/posts?questions=answered")).ReadJsonAsync();
        Assert.Contains(stream.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task A_reply_that_is_not_part_of_the_question_cannot_be_its_answer()
    {
        var q1 = (await (await fx.Clients["alice"].PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Vraag een?", question = true })).ReadJsonAsync()).GetProperty("id").GetInt64();
        var q2 = (await (await fx.Clients["alice"].PostAsJsonAsync("/api/spaces/handboek/posts", new { markdown = "Vraag twee?", question = true })).ReadJsonAsync()).GetProperty("id").GetInt64();
        var r2 = (await (await fx.Clients["bob"].PostAsJsonAsync($"/api/posts/{q2}/replies", new { markdown = "Antwoord op twee" })).ReadJsonAsync()).GetProperty("id").GetInt64();

        var wrong = await fx.Clients["alice"].PostAsJsonAsync($"/api/posts/{q1}/answer", new { replyId = r2 });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var still = await (await fx.Clients["alice"].GetAsync($"/api/posts/{q1}")).ReadJsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, still.GetProperty("answerReplyId").ValueKind);
    }

    [Fact]
    public async Task Guests_see_the_streams_of_their_spaces_only()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["gast"].GetAsync("/api/posts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["gast"].GetAsync("/api/spaces/handboek/posts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["carol"].GetAsync("/api/spaces/geheim/posts")).StatusCode);
        var posted = await fx.Clients["gast"].PostAsJsonAsync("/api/spaces/geheim/posts", new { markdown = "Vraag van de klant" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var teamPost = await fx.Clients["gast"].PostAsJsonAsync("/api/posts", new { markdown = "Mag ik hier?" });
        Assert.Equal(HttpStatusCode.NotFound, teamPost.StatusCode);
    }

    [Fact]
    public async Task Bad_posts_are_refused_with_a_clear_error_and_nothing_is_stored()
    {
        var before = (await (await fx.Clients["bob"].GetAsync("/api/spaces/kennisbank/posts")).ReadJsonAsync()).GetProperty("total").GetInt32();
        var empty = await fx.Clients["bob"].PostAsJsonAsync("/api/spaces/kennisbank/posts", new { markdown = "   " });
        var huge = await fx.Clients["bob"].PostAsJsonAsync("/api/spaces/kennisbank/posts", new { markdown = new string('x', 20_001) });
        var tags = await fx.Clients["bob"].PostAsJsonAsync("/api/spaces/kennisbank/posts", new { markdown = "ok", tags = new[] { "<script>" } });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("empty", (await empty.ReadJsonAsync()).Str("detail"));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("20,000", (await huge.ReadJsonAsync()).Str("detail"));
        Assert.Equal(HttpStatusCode.BadRequest, tags.StatusCode);
        var after = (await (await fx.Clients["bob"].GetAsync("/api/spaces/kennisbank/posts")).ReadJsonAsync()).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Script_in_a_post_never_reaches_the_html()
    {
        var post = await (await fx.Clients["bob"].PostAsJsonAsync("/api/spaces/kennisbank/posts",
            new { markdown = "Kijk <script>alert(1)</script> <img src=x onerror=alert(2)> [klik](javascript:alert(3))" })).ReadJsonAsync();

        var html = post.Str("html");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<script>alert(1)</script>", post.Str("markdown"));
    }

    [Fact]
    public async Task A_link_to_a_wiki_page_shows_a_card_and_an_outside_link_does_not()
    {
        var post = await (await fx.Clients["bob"].PostAsJsonAsync("/api/spaces/kennisbank/posts",
            new { markdown = "Lees /wiki/handboek/reizen en https://example.com/wiki/handboek/welkom en /wiki/geheim/plan" })).ReadJsonAsync();

        // Bob is a member of "geheim": he sees both wiki pages as cards; the outside address gives none.
        var cards = post.GetProperty("cards").EnumerateArray().ToList();
        Assert.Equal(["/wiki/handboek/reizen", "/wiki/geheim/plan"], cards.Select(c => c.Str("url")));
        Assert.Equal("Reizen", cards[0].Str("title"));

        // Carol may not see "geheim": no card for it even when she reads a post linking there.
        var asCarol = await (await fx.Clients["carol"].GetAsync($"/api/posts/{post.GetProperty("id").GetInt64()}")).ReadJsonAsync();
        Assert.Single(asCarol.GetProperty("cards").EnumerateArray());
    }

    [Fact]
    public async Task Reactions_toggle_per_person()
    {
        var id = (await (await fx.Clients["alice"].PostAsJsonAsync("/api/posts", new { markdown = "Taart in de keuken" })).ReadJsonAsync()).GetProperty("id").GetInt64();

        await fx.Clients["bob"].PostAsJsonAsync($"/api/posts/{id}/reactions", new { emoji = "🎉" });
        var two = await (await fx.Clients["carol"].PostAsJsonAsync($"/api/posts/{id}/reactions", new { emoji = "🎉" })).ReadJsonAsync();
        Assert.Equal(2, two.GetProperty("reactions")[0].GetProperty("count").GetInt32());
        var one = await (await fx.Clients["carol"].PostAsJsonAsync($"/api/posts/{id}/reactions", new { emoji = "🎉" })).ReadJsonAsync();
        Assert.Equal(1, one.GetProperty("reactions")[0].GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await fx.Clients["carol"].PostAsJsonAsync($"/api/posts/{id}/reactions", new { emoji = "<b>" })).StatusCode);
    }
}
