using System.Net;
using System.Net.Http.Json;
using System.Text;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Pages;

/// <summary>Drafts, the trash and restore, and redirects from old addresses, through the HTTP API.</summary>
public class NeverLoseWorkApiTests(NeverLoseWorkApiTests.Fixture fixture) : IClassFixture<NeverLoseWorkApiTests.Fixture>
{
    private HttpClient Admin => fixture.Server.AdminClient();

    [Fact]
    public async Task ADraftIsKeptPerPersonAndRemovedWhenDiscarded()
    {
        var put = await Admin.PutAsJsonAsync("/api/pages/handboek/welkom/draft", new { markdown = "# Half af\n", baseRevision = "abc1234" });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var draft = await (await Admin.GetAsync("/api/pages/handboek/welkom/draft")).ReadJsonAsync();
        Assert.Equal("handboek/welkom", draft.Str("path"));
        Assert.Equal("# Half af\n", draft.Str("markdown"));
        Assert.Equal("abc1234", draft.Str("baseRevision"));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Colleague.GetAsync("/api/pages/handboek/welkom/draft")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync("/api/pages/handboek/welkom/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/pages/handboek/welkom/draft")).StatusCode);
        // The page itself was never touched.
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/api/pages/handboek/welkom")).StatusCode);
    }

    [Fact]
    public async Task APersonKeepsAtMostFiftyDraftsAndANewOneForgetsTheOldest()
    {
        var created = await (await Admin.PostAsJsonAsync("/api/users", new { email = "drafter@example.org", name = "Dries Drafter", password = "Wachtwoord-123" })).ReadJsonAsync();
        var token = await (await Admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
        var drafter = fixture.Server.ClientWithToken(token.Str("token"));
        for (var i = 0; i <= TeamWiki.Web.Pages.PageDrafts.MaxPerPerson; i++)
        {
            var put = await drafter.PutAsJsonAsync($"/api/pages/handboek/verzonnen-{i}/draft", new { markdown = $"concept {i}\n" });
            Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await drafter.GetAsync("/api/pages/handboek/verzonnen-0/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await drafter.GetAsync("/api/pages/handboek/verzonnen-1/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await drafter.GetAsync($"/api/pages/handboek/verzonnen-{TeamWiki.Web.Pages.PageDrafts.MaxPerPerson}/draft")).StatusCode);
    }

    [Fact]
    public async Task ADraftWithoutTextOrNotInJsonIsRefusedAndNothingIsKept()
    {
        var empty = await fixture.Colleague.PutAsJsonAsync("/api/pages/handboek/concept-leeg/draft", new { baseRevision = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var text = await fixture.Colleague.PutAsync("/api/pages/handboek/concept-leeg/draft", new StringContent("markdown=x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        var huge = await fixture.Colleague.PutAsJsonAsync("/api/pages/handboek/concept-leeg/draft", new { markdown = new string('x', 5 * 1024 * 1024 + 1) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Colleague.GetAsync("/api/pages/handboek/concept-leeg/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Colleague.GetAsync("/api/pages/handboek/concept-leeg")).StatusCode);
    }

    [Fact]
    public async Task ADeletedPageIsInTheTrashAndComesBackWithItsHistory()
    {
        var first = await (await Admin.PutPageAsync("handboek/prullenbak-test", "---\ntitle: Prullenbak test\n---\n\nEerste versie.\n")).ReadJsonAsync();
        var second = await (await Admin.PutPageAsync("handboek/prullenbak-test", "---\ntitle: Prullenbak test\n---\n\nTweede versie.\n", first.Str("revision"))).ReadJsonAsync();
        // Viewed twice first, so the page view cache holds it when it is deleted and comes back.
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/wiki/handboek/prullenbak-test")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/wiki/handboek/prullenbak-test")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.DeleteAsync("/api/pages/handboek/prullenbak-test")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/wiki/handboek/prullenbak-test")).StatusCode);

        var trash = await (await fixture.Colleague.GetAsync("/api/trash?space=handboek")).ReadJsonAsync();
        var entry = trash.EnumerateArray().Single(e => e.Str("path") == "handboek/prullenbak-test");
        Assert.Equal("Prullenbak test", entry.Str("title"));
        Assert.Equal("Anna Admin", entry.Str("deletedBy"));
        Assert.Equal(second.Str("revision"), entry.Str("revision"));
        Assert.True(entry.GetProperty("deleted").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
        var deletedHistory = await fixture.Colleague.GetAsync("/api/pages/handboek/prullenbak-test/history");
        Assert.Equal(HttpStatusCode.OK, deletedHistory.StatusCode);
        Assert.Equal(3, (await deletedHistory.ReadJsonAsync()).GetArrayLength());

        var restored = await fixture.Colleague.PostAsync("/api/pages/handboek/prullenbak-test/restore", null);

        Assert.Equal(HttpStatusCode.Created, restored.StatusCode);
        var page = await (await Admin.GetAsync("/api/pages/handboek/prullenbak-test")).ReadJsonAsync();
        Assert.Contains("Tweede versie.", page.Str("markdown"));
        var view = await Admin.GetAsync("/wiki/handboek/prullenbak-test");
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Contains("Tweede versie.", await view.Content.ReadAsStringAsync());
        var history = (await (await Admin.GetAsync("/api/pages/handboek/prullenbak-test/history")).ReadJsonAsync()).EnumerateArray().Select(h => h.Str("revision")).ToList();
        Assert.Contains(first.Str("revision"), history);
        Assert.Contains(second.Str("revision"), history);
        var after = await (await Admin.GetAsync("/api/trash?space=handboek")).ReadJsonAsync();
        Assert.DoesNotContain(after.EnumerateArray(), e => e.Str("path") == "handboek/prullenbak-test");
    }

    [Fact]
    public async Task RestoringWhatIsNotInTheTrashIsRefusedAndWritesNothing()
    {
        var before = await HistoryLengthAsync("handboek/welkom");

        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.GetAsync("/api/trash")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PostAsync("/api/pages/handboek/welkom/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsync("/api/pages/handboek/nooit-bestaan/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/pages/handboek/nooit-bestaan")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.PostAsync("/api/pages/handboek/welkom/restore", new StringContent("{", Encoding.UTF8, "application/json"))).StatusCode);

        Assert.Equal(before, await HistoryLengthAsync("handboek/welkom"));
    }

    [Fact]
    public async Task ANonMemberLearnsNothingFromTheTrashRestoreOrDraftsOfAPrivateSpace()
    {
        (await Admin.PutPageAsync("kluis/geheim-plan", "Geheim.\n")).EnsureSuccessStatusCode();
        (await Admin.DeleteAsync("/api/pages/kluis/geheim-plan")).EnsureSuccessStatusCode();
        Assert.Contains((await (await Admin.GetAsync("/api/trash?space=kluis")).ReadJsonAsync()).EnumerateArray(), e => e.Str("path") == "kluis/geheim-plan");

        var trash = await fixture.Colleague.GetAsync("/api/trash?space=kluis");
        var nowhere = await fixture.Colleague.GetAsync("/api/trash?space=bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, trash.StatusCode);
        Assert.Equal(WithoutTrace(await nowhere.Content.ReadAsStringAsync()), WithoutTrace(await trash.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Colleague.PostAsync("/api/pages/kluis/geheim-plan/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Colleague.GetAsync("/api/pages/kluis/geheim-plan/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Colleague.PutAsJsonAsync("/api/pages/kluis/geheim-plan/draft", new { markdown = "x" })).StatusCode);

        // Nothing came back.
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/pages/kluis/geheim-plan")).StatusCode);
    }

    [Fact]
    public async Task AMovedPageAnswersItsOldAddressesWithRedirectsAndLinksAreRewrittenInTheMove()
    {
        (await Admin.PutPageAsync("handboek/oude-naam", "---\ntitle: Verhuisd\n---\n\nInhoud.\n")).EnsureSuccessStatusCode();
        (await Admin.PutPageAsync("handboek/verwijzer", "Zie [[handboek/oude-naam]] en [[handboek/oude-naam|de oude]].\n")).EnsureSuccessStatusCode();
        // Viewed twice first, so the page view cache holds the old address when the page moves away.
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/wiki/handboek/oude-naam")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/wiki/handboek/oude-naam")).StatusCode);

        var move = await Admin.PostAsJsonAsync("/api/pages/handboek/oude-naam/move", new { to = "handboek/nieuwe-naam", rewriteLinks = true });

        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        var moved = await move.ReadJsonAsync();
        Assert.Equal("handboek/nieuwe-naam", moved.Str("path"));
        Assert.Equal(["handboek/verwijzer"], moved.GetProperty("linksUpdated").EnumerateArray().Select(e => e.GetString()));
        var linking = await (await Admin.GetAsync("/api/pages/handboek/verwijzer")).ReadJsonAsync();
        Assert.Equal("Zie [[handboek/nieuwe-naam]] en [[handboek/nieuwe-naam|de oude]].\n", linking.Str("markdown"));
        Assert.Equal(moved.Str("revision"), linking.Str("revision"));

        var api = await Admin.GetAsync("/api/pages/handboek/oude-naam?revision=" + moved.Str("revision"));
        Assert.Equal(HttpStatusCode.PermanentRedirect, api.StatusCode);
        Assert.Equal("/api/pages/handboek/nieuwe-naam?revision=" + moved.Str("revision"), api.Headers.Location!.OriginalString);
        var history = await Admin.GetAsync("/api/pages/handboek/oude-naam/history");
        Assert.Equal(HttpStatusCode.PermanentRedirect, history.StatusCode);
        Assert.Equal("/api/pages/handboek/nieuwe-naam/history", history.Headers.Location!.OriginalString);
        var view = await Admin.GetAsync("/wiki/handboek/oude-naam");
        Assert.Equal(HttpStatusCode.MovedPermanently, view.StatusCode);
        Assert.Equal("/wiki/handboek/nieuwe-naam", view.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AMoveWithoutRewritingLeavesLinksAndARedirectIntoAHiddenSpaceRevealsNothing()
    {
        (await Admin.PutPageAsync("handboek/naar-de-kluis", "Inhoud.\n")).EnsureSuccessStatusCode();
        (await Admin.PutPageAsync("handboek/wijst-naar-kluis", "Zie [[handboek/naar-de-kluis]].\n")).EnsureSuccessStatusCode();

        var move = await (await Admin.PostAsJsonAsync("/api/pages/handboek/naar-de-kluis/move", new { to = "kluis/uit-het-handboek" })).ReadJsonAsync();

        Assert.Empty(move.GetProperty("linksUpdated").EnumerateArray());
        Assert.Contains("[[handboek/naar-de-kluis]]", (await (await Admin.GetAsync("/api/pages/handboek/wijst-naar-kluis")).ReadJsonAsync()).Str("markdown"));
        Assert.Equal(HttpStatusCode.MovedPermanently, (await Admin.GetAsync("/wiki/handboek/naar-de-kluis")).StatusCode);
        // The colleague may read the old space, not the new one: the old address is simply gone.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Colleague.GetAsync("/wiki/handboek/naar-de-kluis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Colleague.GetAsync("/api/pages/handboek/naar-de-kluis")).StatusCode);
        // Nor does the old space's redirect file, which records where its pages went, tell it.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Colleague.GetAsync("/files/handboek/_redirects.yml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/files/handboek/_redirects.yml")).StatusCode);
        var cache = (await Admin.GetAsync("/wiki/handboek/naar-de-kluis")).Headers.CacheControl;
        Assert.True(cache is { Private: true, NoStore: true }, $"A redirect that depends on the reader is cached: {cache}");
    }

    [Fact]
    public async Task LinksAreNotRewrittenToAnAddressInAnotherSpaceAndTheMoveMessageNamesNoLinkingPage()
    {
        (await Admin.PutPageAsync("handboek/plan-voor-de-kluis", "Inhoud.\n")).EnsureSuccessStatusCode();
        (await Admin.PutPageAsync("handboek/wijst-naar-plan", "Zie [[handboek/plan-voor-de-kluis]].\n")).EnsureSuccessStatusCode();
        (await Admin.PutPageAsync("kluis/ook-een-verwijzing", "Zie [[handboek/plan-voor-de-kluis]].\n")).EnsureSuccessStatusCode();

        var move = await (await Admin.PostAsJsonAsync("/api/pages/handboek/plan-voor-de-kluis/move", new { to = "kluis/plan", rewriteLinks = true })).ReadJsonAsync();

        // Only the page in the new (private) space learns the new address; the handbook page, which staff
        // outside the vault read, keeps the old one (a redirect for those who may read both).
        Assert.Equal(["kluis/ook-een-verwijzing"], move.GetProperty("linksUpdated").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("[[handboek/plan-voor-de-kluis]]", (await (await Admin.GetAsync("/api/pages/handboek/wijst-naar-plan")).ReadJsonAsync()).Str("markdown"));
        Assert.Contains("[[kluis/plan]]", (await (await Admin.GetAsync("/api/pages/kluis/ook-een-verwijzing")).ReadJsonAsync()).Str("markdown"));

        // A rename inside the handbook rewrites links in the vault too, and its message names none of them.
        (await Admin.PutPageAsync("handboek/hernoemd", "Inhoud.\n")).EnsureSuccessStatusCode();
        (await Admin.PutPageAsync("kluis/geheime-verwijzing", "Zie [[handboek/hernoemd]].\n")).EnsureSuccessStatusCode();
        (await Admin.PostAsJsonAsync("/api/pages/handboek/hernoemd/move", new { to = "handboek/nieuw-hernoemd", rewriteLinks = true })).EnsureSuccessStatusCode();
        var history = await (await fixture.Colleague.GetAsync("/api/pages/handboek/nieuw-hernoemd/history")).ReadJsonAsync();
        Assert.DoesNotContain(history.EnumerateArray(), h => h.Str("message").Contains("kluis", StringComparison.Ordinal));
    }

    private static string WithoutTrace(string problem) => System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");

    private async Task<int> HistoryLengthAsync(string path) =>
        (await (await Admin.GetAsync($"/api/pages/{path}/history")).ReadJsonAsync()).GetArrayLength();

    /// <summary>One server: a private space "kluis" and a staff colleague who is not a member of it.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public TeamWikiFactory Server { get; } = new();

        public HttpClient Colleague { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var admin = Server.AdminClient();
            (await admin.PostAsJsonAsync("/api/spaces", new { key = "kluis", name = "Kluis", visibility = "private", taskPrefix = "KL" })).EnsureSuccessStatusCode();
            var created = await (await admin.PostAsJsonAsync("/api/users", new { email = "collega@example.org", name = "Cor Collega", password = "Wachtwoord-123" })).ReadJsonAsync();
            var token = await (await admin.PostAsJsonAsync($"/api/users/{created.Str("id")}/tokens", new { name = "test" })).ReadJsonAsync();
            Colleague = Server.ClientWithToken(token.Str("token"));
        }

        public Task DisposeAsync()
        {
            Server.Dispose();
            return Task.CompletedTask;
        }
    }
}
