using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamWiki.Web.Pages.Cache;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

/// <summary>
/// Page views kept as HTML (the page view cache) never widen access and never go stale: a page kept for
/// one reader is served to another only when it looks the same to both, apart from their own name and bell.
/// Each test uses its own pages; the cache's size shows whether a view was served from it.
/// </summary>
public sealed class PageViewCacheTests(PageViewCacheTests.People people) : IClassFixture<PageViewCacheTests.People>
{
    private PageViewCache Cache => people.Server.Services.GetRequiredService<PageViewCache>();

    [Fact]
    public async Task APageKeptForAWriterNeverReachesAReaderWhoMayNotEdit()
    {
        await people.SaveAsync("handboek/cache-schrijver", "Tekst voor schrijvers en lezers.");
        var writer = await people.SessionAsync("schrijver");
        var reader = await people.SessionAsync("lezer");

        var before = Cache.Count;
        Assert.Contains("id=\"edit-page\"", await ViewAsync(writer, "handboek/cache-schrijver"));
        Assert.Contains("id=\"edit-page\"", await ViewAsync(writer, "handboek/cache-schrijver"));
        Assert.Equal(before + 1, Cache.Count);

        var asReader = await ViewAsync(reader, "handboek/cache-schrijver");
        Assert.Contains("Tekst voor schrijvers en lezers.", asReader);
        Assert.DoesNotContain("id=\"edit-page\"", asReader);
        Assert.DoesNotContain("/edit/handboek/cache-schrijver", asReader);
        Assert.DoesNotContain("/delete/handboek/cache-schrijver", asReader);
        Assert.Contains("id=\"edit-page\"", await ViewAsync(writer, "handboek/cache-schrijver"));
    }

    [Fact]
    public async Task TickableCheckboxesKeptForAWriterNeverReachAReaderWhoMayNotEdit()
    {
        await people.SaveAsync("handboek/cache-vinkjes", "- [ ] eerste\n- [x] tweede\n\n```\n- [ ] code\n```");
        var writer = await people.SessionAsync("schrijver");
        var reader = await people.SessionAsync("lezer");
        var asWriter = await ViewAsync(writer, "handboek/cache-vinkjes");
        Assert.Contains("data-checkbox-index=\"1\"", asWriter);
        Assert.DoesNotContain("data-checkbox-index=\"2\"", asWriter);
        Assert.Contains("data-checkbox-url=\"/api/pages/handboek/cache-vinkjes/checkbox\"", await ViewAsync(writer, "handboek/cache-vinkjes"));

        var asReader = await ViewAsync(reader, "handboek/cache-vinkjes");
        Assert.Contains("type=\"checkbox\"", asReader);
        Assert.DoesNotContain("data-checkbox-index", asReader);
        Assert.DoesNotContain("data-checkbox-url", asReader);
        var boxes = System.Text.RegularExpressions.Regex.Matches(asReader, "<input[^>]*checkbox[^>]*>");
        Assert.Equal(2, boxes.Count);
        Assert.All(boxes, box => Assert.Contains("disabled", box.Value));
    }

    [Fact]
    public async Task APageKeptForASpaceOwnerNeverReachesAMember()
    {
        // Both are staff who read the same spaces; only the owner manages "kluis" (its insights, removing comments).
        await people.SaveAsync("kluis/cache-beheer", "Voor eigenaar en lid.");
        var owner = await people.SessionAsync("eigenaar");
        var member = await people.SessionAsync("lid");
        Assert.Contains("/spaces/kluis/insights", await ViewAsync(owner, "kluis/cache-beheer"));
        Assert.Contains("/spaces/kluis/insights", await ViewAsync(owner, "kluis/cache-beheer"));

        var asMember = await ViewAsync(member, "kluis/cache-beheer");
        Assert.Contains("Voor eigenaar en lid.", asMember);
        Assert.DoesNotContain("/spaces/kluis/insights", asMember);
    }

    [Fact]
    public async Task AMemberTakenOffASpaceGetsNotFoundOnTheNextView()
    {
        await people.SaveAsync("kluis/cache-plan", "Het kluisplan blijft binnen.");
        var member = await people.SessionAsync("lid");
        Assert.Contains("Het kluisplan blijft binnen.", await ViewAsync(member, "kluis/cache-plan"));
        Assert.Contains("Het kluisplan blijft binnen.", await ViewAsync(member, "kluis/cache-plan"));

        (await people.Admin.DeleteAsync("/api/spaces/kluis/members/lid@example.org")).EnsureSuccessStatusCode();
        try
        {
            var response = await member.Client.GetAsync("/wiki/kluis/cache-plan");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("kluisplan", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            (await people.Admin.PutAsJsonAsync("/api/spaces/kluis/members/lid@example.org", new { role = "member" })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task ASaveShowsTheNewTextOnTheNextView()
    {
        await people.SaveAsync("handboek/cache-bewerkt", "De eerste versie.");
        var writer = await people.SessionAsync("schrijver");
        Assert.Contains("De eerste versie.", await ViewAsync(writer, "handboek/cache-bewerkt"));
        Assert.Contains("De eerste versie.", await ViewAsync(writer, "handboek/cache-bewerkt"));

        await people.SaveAsync("handboek/cache-bewerkt", "De tweede versie.");
        var after = await ViewAsync(writer, "handboek/cache-bewerkt");
        Assert.Contains("De tweede versie.", after);
        Assert.DoesNotContain("De eerste versie.", after);
    }

    [Fact]
    public async Task AHistoryIsKeptAndShowsTheNextSaveAtOnce()
    {
        await people.SaveAsync("handboek/cache-geschiedenis", "De eerste versie.");
        var writer = await people.SessionAsync("schrijver");
        var before = Cache.Count;
        var first = await ViewAsync(writer, "handboek/cache-geschiedenis", "/history/");
        Assert.Contains("De eerste versie.", await ViewAsync(writer, "handboek/cache-geschiedenis"));
        await ViewAsync(writer, "handboek/cache-geschiedenis", "/history/");
        Assert.Equal(before + 2, Cache.Count);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(first, "name=\"to\""));

        await people.SaveAsync("handboek/cache-geschiedenis", "De tweede versie.");
        var after = await ViewAsync(writer, "handboek/cache-geschiedenis", "/history/");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(after, "name=\"to\"").Count);
    }

    [Fact]
    public async Task AHistoryKeptForAWriterNeverShowsRestoreToAReaderWhoMayNotEdit()
    {
        await people.SaveAsync("handboek/cache-terugzetten", "Een.");
        await people.SaveAsync("handboek/cache-terugzetten", "Twee.");
        var writer = await people.SessionAsync("schrijver");
        var reader = await people.SessionAsync("lezer");
        var before = Cache.Count;
        Assert.Contains("/revert/handboek/cache-terugzetten", await ViewAsync(writer, "handboek/cache-terugzetten", "/history/"));
        Assert.Contains("/revert/handboek/cache-terugzetten", await ViewAsync(writer, "handboek/cache-terugzetten", "/history/"));
        Assert.Equal(before + 1, Cache.Count);

        var asReader = await ViewAsync(reader, "handboek/cache-terugzetten", "/history/");
        Assert.Contains("/diff/handboek/cache-terugzetten", asReader);
        Assert.DoesNotContain("/revert/handboek/cache-terugzetten", asReader);
    }

    [Fact]
    public async Task AHistoryOfAPrivateSpaceIsNotFoundForANonMemberAfterAMemberViewedIt()
    {
        await people.Admin.PutAsJsonAsync("/api/pages/kluis/cache-geheim", new { markdown = "# Geheim\n\nAlleen voor leden.\n" });
        var member = await people.SessionAsync("lid");
        var outsider = await people.SessionAsync("anna");
        var before = Cache.Count;
        await ViewAsync(member, "kluis/cache-geheim", "/history/");
        await ViewAsync(member, "kluis/cache-geheim", "/history/");
        Assert.Equal(before + 1, Cache.Count);

        var response = await outsider.Client.GetAsync("/history/kluis/cache-geheim");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Geheim", html);
        Assert.DoesNotContain("/diff/kluis/cache-geheim", html);
    }

    [Fact]
    public async Task ACommentShowsOnTheNextView()
    {
        await people.SaveAsync("handboek/cache-reacties", "Een pagina om op te reageren.");
        var reader = await people.SessionAsync("lezer");
        Assert.Contains("id=\"comment-form\"", await ViewAsync(reader, "handboek/cache-reacties"));
        await ViewAsync(reader, "handboek/cache-reacties");

        (await people.Admin.PostAsJsonAsync("/api/comments?target=page:handboek/cache-reacties", new { markdown = "Een reactie van de beheerder." })).EnsureSuccessStatusCode();
        Assert.Contains("Een reactie van de beheerder.", await ViewAsync(reader, "handboek/cache-reacties"));
    }

    [Fact]
    public async Task SwitchingLanguageGivesThePageInThatLanguageAtOnce()
    {
        await people.SaveAsync("handboek/cache-taal", "Tweetalig.");
        var writer = await people.SessionAsync("schrijver");
        var dutch = await ViewAsync(writer, "handboek/cache-taal");
        Assert.Contains("<html lang=\"nl\"", dutch);
        Assert.Contains(">Bewerken</a>", dutch);

        Assert.Equal(HttpStatusCode.Redirect, (await writer.Client.GetAsync("/culture?c=en&r=/wiki/handboek/cache-taal")).StatusCode);
        var english = await ViewAsync(writer, "handboek/cache-taal");
        Assert.Contains("<html lang=\"en\"", english);
        Assert.Contains(">Edit</a>", english);
        Assert.DoesNotContain(">Bewerken</a>", english);
    }

    [Fact]
    public async Task TheNameInTheHeaderIsTheRequestersOwnAlsoOnAKeptPage()
    {
        await people.SaveAsync("handboek/cache-namen", "Twee collega's lezen dit.");
        var anna = await people.SessionAsync("anna");
        var bert = await people.SessionAsync("bert");

        var asAnna = await ViewAsync(anna, "handboek/cache-namen");
        Assert.Contains("class=\"user-name\">Anna Kaart</a>", asAnna);
        var kept = Cache.Count;
        var asBert = await ViewAsync(bert, "handboek/cache-namen");

        // Bert got the page kept for Anna (same view of the wiki), with his own name and no trace of hers.
        Assert.Equal(kept, Cache.Count);
        Assert.Contains("class=\"user-name\">Bert Kaart</a>", asBert);
        Assert.DoesNotContain("Anna Kaart", asBert);
        Assert.Contains("Twee collega", asBert);
    }

    [Fact]
    public async Task AnAddressWithAQueryIsRenderedNotKept()
    {
        await people.SaveAsync("handboek/cache-query", "Eerst dit.");
        var first = (await people.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/pages/handboek/cache-query")).GetProperty("revision").GetString();
        await people.SaveAsync("handboek/cache-query", "Dan dat.");
        var writer = await people.SessionAsync("schrijver");
        await ViewAsync(writer, "handboek/cache-query");

        var kept = Cache.Count;
        Assert.Contains("id=\"save-notice\"", await ViewAsync(writer, "handboek/cache-query?saved=saved"));
        var old = await ViewAsync(writer, $"handboek/cache-query?revision={first}");
        Assert.Contains("notice-old", old);
        Assert.Contains("Eerst dit.", old);
        Assert.Equal(kept, Cache.Count);

        var current = await ViewAsync(writer, "handboek/cache-query");
        Assert.DoesNotContain("id=\"save-notice\"", current);
        Assert.Contains("Dan dat.", current);
    }

    [Fact]
    public async Task TheCacheStaysWithinItsBudgetAndKeepsTheLatest()
    {
        const long budget = 200_000;
        using var cache = new PageViewCache(budget);
        var page = PageTemplate.Parse("<html>" + new string('x', 10_000) + "</html>", "tw-test:");
        for (var i = 0; i < 200; i++)
        {
            cache.Set("page " + i, page, null);
            Assert.InRange(cache.Bytes, 0, budget);
        }

        Assert.InRange(cache.Count, 1, budget / 10_000);
        // The budget is freed in the background when it is full; new pages are kept again afterwards.
        await Eventually.UntilAsync(() =>
        {
            cache.Set("the newest", page, null);
            return Task.FromResult(cache.Get("the newest") is not null);
        }, kept => kept, "a page added after the cache was full to be kept");
    }

    private static async Task<string> ViewAsync(BrowserSession session, string address, string prefix = "/wiki/")
    {
        var response = await session.Client.GetAsync(prefix + address);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{prefix}{address}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>
    /// Staff who write in the internal handbook (schrijver, anna, bert), a guest who only reads it (lezer),
    /// and the owner and a member of the private space "kluis".
    /// </summary>
    public sealed class People : IAsyncLifetime
    {
        private const string Password = "Wachtwoord-123";

        public TeamWikiFactory Server { get; } = new();

        public HttpClient Admin => Server.AdminClient();

        public async Task InitializeAsync()
        {
            foreach (var (handle, name, guest) in new[] { ("schrijver", "Sam Schrijver", false), ("lezer", "Lotte Lezer", true), ("lid", "Lex Lid", false), ("anna", "Anna Kaart", false), ("bert", "Bert Kaart", false), ("eigenaar", "Eva Eigenaar", false) })
            {
                (await Admin.PostAsJsonAsync("/api/users", new { email = $"{handle}@example.org", name, password = Password, guest })).EnsureSuccessStatusCode();
            }

            (await Admin.PostAsJsonAsync("/api/spaces", new { key = "kluis", name = "Kluis", visibility = "private", taskPrefix = "KL" })).EnsureSuccessStatusCode();
            (await Admin.PutAsJsonAsync("/api/spaces/kluis/members/lid@example.org", new { role = "member" })).EnsureSuccessStatusCode();
            (await Admin.PutAsJsonAsync("/api/spaces/kluis/members/eigenaar@example.org", new { role = "owner" })).EnsureSuccessStatusCode();
            (await Admin.PutAsJsonAsync("/api/spaces/handboek/members/lezer@example.org", new { role = "guest" })).EnsureSuccessStatusCode();
        }

        public Task<BrowserSession> SessionAsync(string handle) =>
            new BrowserSession(Server.BaseAddress).SignInAsync($"{handle}@example.org", Password);

        public async Task SaveAsync(string path, string text) =>
            (await Admin.PutAsJsonAsync("/api/pages/" + path, new { markdown = $"# {path}\n\n{text}\n" })).EnsureSuccessStatusCode();

        public Task DisposeAsync()
        {
            Server.Dispose();
            return Task.CompletedTask;
        }
    }
}
