using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Conversation;

/// <summary>
/// A fresh space "leren" where the contributions are known exactly: alice writes two pages about
/// "archivering" (one tagged so), bob edits one of them and answers alice's question on the topic,
/// carol posts once about something else.
/// </summary>
public sealed class ExpertiseAndInsightsFixture : IAsyncLifetime
{
    public SocialFixture Social { get; } = new();

    public long QuestionId { get; private set; }

    /// <summary>From just before the question was asked to just after it was answered.</summary>
    public TimeSpan AnswerWindow { get; private set; }

    public async Task InitializeAsync()
    {
        await Social.InitializeAsync();
        var c = Social.Clients;
        (await c["alice"].PostAsJsonAsync("/api/spaces", new { key = "leren", name = "Leren", taskPrefix = "LR" })).EnsureSuccessStatusCode();
        (await c["alice"].PutAsJsonAsync("/api/pages/leren/archief", new { markdown = "---\ntitle: Archief\ntags: [archivering]\n---\n\nHoe de archivering van dossiers werkt.\n" })).EnsureSuccessStatusCode();
        (await c["alice"].PutAsJsonAsync("/api/pages/leren/bewaartermijnen", new { markdown = "---\ntitle: Bewaartermijnen\n---\n\nArchivering en bewaartermijnen.\n" })).EnsureSuccessStatusCode();
        (await c["bob"].PutAsJsonAsync("/api/pages/leren/bewaartermijnen", new { markdown = "---\ntitle: Bewaartermijnen\n---\n\nArchivering en bewaartermijnen: zeven jaar.\n" })).EnsureSuccessStatusCode();
        var asking = System.Diagnostics.Stopwatch.StartNew();
        QuestionId = (await (await c["alice"].PostAsJsonAsync("/api/spaces/leren/posts", new { markdown = "Wie weet hoe het archiveren van mail gaat?", question = true, tags = new[] { "archivering" } })).ReadJsonAsync()).GetProperty("id").GetInt64();
        var reply = (await (await c["bob"].PostAsJsonAsync($"/api/posts/{QuestionId}/replies", new { markdown = "Via de archiefknop in Outlook." })).ReadJsonAsync()).GetProperty("id").GetInt64();
        AnswerWindow = asking.Elapsed;
        (await c["alice"].PostAsJsonAsync($"/api/posts/{QuestionId}/answer", new { replyId = reply })).EnsureSuccessStatusCode();
        (await c["carol"].PostAsJsonAsync("/api/spaces/leren/posts", new { markdown = "Lunch om twaalf uur" })).EnsureSuccessStatusCode();
        (await c["alice"].GetAsync("/api/search?q=zzkwijtgeraakt&space=leren")).EnsureSuccessStatusCode();
        (await c["alice"].GetAsync("/api/search?q=zzkwijtgeraakt&space=leren")).EnsureSuccessStatusCode();
        // Neither a search as you type nor a later page of results is a gap: the count stays at the two above.
        (await c["alice"].GetAsync("/api/search?q=zzkwijtgeraakt&space=leren&prefix=true")).EnsureSuccessStatusCode();
        (await c["alice"].GetAsync("/api/search?q=zzkwijtgeraakt&space=leren&offset=10")).EnsureSuccessStatusCode();

        // Content events are recorded from git in the background; wait until all three page commits are in.
        await Eventually.UntilAsync(
            async () =>
            {
                var report = await (await c["alice"].GetAsync("/api/insights?space=leren")).ReadJsonAsync();
                var week = report.GetProperty("weeks").EnumerateArray().Last();
                var health = await (await c["admin"].GetAsync("/health")).ReadJsonAsync();
                return week.GetProperty("pagesCreated").GetInt32() == 2 && week.GetProperty("pageEdits").GetInt32() == 1 && health.Str("head") == health.Str("indexedCommit");
            },
            "the three page commits of space 'leren' in the insights and the index");
    }

    public Task DisposeAsync() => Social.DisposeAsync();
}

public sealed class ExpertiseAndInsightsTests(ExpertiseAndInsightsFixture fx) : IClassFixture<ExpertiseAndInsightsFixture>
{
    private Dictionary<string, HttpClient> C => fx.Social.Clients;

    [Fact]
    public async Task Who_knows_ranks_by_what_people_wrote_edited_answered_and_tagged_not_by_what_they_asked()
    {
        var people = (await (await C["carol"].GetAsync("/api/people?knows=archivering")).ReadJsonAsync()).EnumerateArray().ToList();

        // alice: wrote 2 pages (3+3), tagged one (2) = 8 — asking the question is no evidence of knowing;
        // bob: edited (1) + answered (5) = 6; carol: nothing.
        Assert.Equal(["alice", "bob"], people.Select(p => p.Str("handle")));
        Assert.Equal(8, people[0].GetProperty("score").GetDouble());
        Assert.DoesNotContain(people[0].GetProperty("evidence").EnumerateArray(), e => e.Str("url").StartsWith("/posts/", StringComparison.Ordinal));
        Assert.Equal(6, people[1].GetProperty("score").GetDouble());
        var bobsEvidence = people[1].GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal("answered", bobsEvidence[0].Str("what"));
        Assert.StartsWith($"/posts/{fx.QuestionId}#reply-", bobsEvidence[0].Str("url"));
        Assert.Contains(bobsEvidence, e => e.Str("what") == "edited" && e.Str("url") == "/wiki/leren/bewaartermijnen");
    }

    [Fact]
    public async Task Ask_me_about_topics_count_and_guests_see_only_people_in_their_spaces()
    {
        var people = (await (await C["gast"].GetAsync("/api/people")).ReadJsonAsync()).EnumerateArray().Select(p => p.Str("handle")).ToList();

        Assert.Equal(["alice", "bob", "gast"], people.Order());
        var knows = (await (await C["gast"].GetAsync("/api/people?knows=archivering")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Empty(knows); // the guest cannot see "leren", so none of that evidence counts for them
    }

    [Fact]
    public async Task Insights_count_exactly_what_happened_in_the_space()
    {
        var report = await (await C["alice"].GetAsync("/api/insights?space=leren&weeks=4")).ReadJsonAsync();

        var weeks = report.GetProperty("weeks").EnumerateArray().ToList();
        Assert.Equal(4, weeks.Count);
        var now = weeks[^1];
        Assert.Equal(2, now.GetProperty("pagesCreated").GetInt32());
        Assert.Equal(1, now.GetProperty("pageEdits").GetInt32());
        Assert.Equal(2, now.GetProperty("posts").GetInt32());
        Assert.Equal(1, now.GetProperty("answers").GetInt32());
        Assert.Equal(3, now.GetProperty("contributors").GetInt32());
        Assert.All(weeks.Take(3), w => Assert.Equal(0, w.GetProperty("contributors").GetInt32()));
        Assert.Equal(1, report.GetProperty("questionsAsked").GetInt32());
        Assert.Equal(1, report.GetProperty("questionsAnswered").GetInt32());
        Assert.Equal(1, report.GetProperty("questionsMarked").GetInt32());
        // One question, answered while the fixture watched: the median is that one wait, within the window seen.
        Assert.InRange(report.GetProperty("medianHoursToFirstAnswer").GetDouble(), 0, fx.AnswerWindow.TotalHours);
        var gap = Assert.Single(report.GetProperty("gaps").EnumerateArray());
        Assert.Equal("zzkwijtgeraakt", gap.Str("query"));
        Assert.Equal(2, gap.GetProperty("count").GetInt32());
        var tags = report.GetProperty("topTags").EnumerateArray().ToList();
        Assert.Equal("archivering", tags[0].Str("tag"));
        Assert.Equal(2, tags[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Insights_export_as_csv_and_only_for_owners_and_admins()
    {
        var csv = await C["alice"].GetAsync("/api/insights.csv?space=leren&weeks=2");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("week,pages_created,page_edits,posts,answers,contributors", lines[0]);
        Assert.EndsWith(",2,1,2,1,3", lines[^1]);

        Assert.Equal(HttpStatusCode.Forbidden, (await C["bob"].GetAsync("/api/insights?space=leren")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await C["alice"].GetAsync("/api/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await C["admin"].GetAsync("/api/insights")).StatusCode);
    }

    [Fact]
    public async Task The_activity_feed_shows_changes_posts_and_replies_filterable_by_kind()
    {
        var all = await (await C["bob"].GetAsync("/api/activity?space=leren")).ReadJsonAsync();
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.Str("kind") == "page" && i.Str("action") == "created" && i.Str("url") == "/wiki/leren/archief" && i.Str("actorHandle") == "alice");
        Assert.Contains(items, i => i.Str("kind") == "reply" && i.Str("action") == "answered" && i.Str("actorHandle") == "bob");
        var times = items.Select(i => i.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        var posts = await (await C["bob"].GetAsync("/api/activity?space=leren&kind=post")).ReadJsonAsync();
        Assert.All(posts.GetProperty("items").EnumerateArray(), i => Assert.Equal("post", i.Str("kind")));
        Assert.Equal(2, posts.GetProperty("items").GetArrayLength());

        var bobs = await (await C["carol"].GetAsync("/api/activity?actor=bob&space=leren")).ReadJsonAsync();
        Assert.Equal(["reply", "page"], bobs.GetProperty("items").EnumerateArray().Select(i => i.Str("kind")).Distinct().Order().Reverse());
        Assert.All(bobs.GetProperty("items").EnumerateArray(), i => Assert.Equal("bob", i.Str("actorHandle")));

        var paged = await (await C["bob"].GetAsync("/api/activity?space=leren&limit=2&page=2")).ReadJsonAsync();
        Assert.Equal(2, paged.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await C["gast"].GetAsync("/api/activity?space=leren")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await C["bob"].GetAsync("/api/activity?kind=koffie")).StatusCode);
        var guestFeed = await (await C["gast"].GetAsync("/api/activity")).ReadJsonAsync();
        Assert.Contains(guestFeed.GetProperty("items").EnumerateArray(), i => i.Str("url") == "/wiki/geheim/plan");
        Assert.All(guestFeed.GetProperty("items").EnumerateArray(), i => Assert.Equal("geheim", i.Str("space")));
    }
}
