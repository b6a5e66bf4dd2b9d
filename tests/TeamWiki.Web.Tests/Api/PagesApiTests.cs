using System.Net;
using System.Net.Http.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

public class PagesApiTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private readonly HttpClient _api = factory.AdminClient();

    [Fact]
    public async Task ReadingASamplePageReturnsItsFieldsAndRenderedHtml()
    {
        var response = await _api.GetAsync("/api/pages/handboek/welkom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        Assert.Equal("handboek/welkom", page.Str("path"));
        Assert.Equal("Welkom bij Lindeboom ICT", page.Str("title"));
        Assert.StartsWith("---", page.Str("markdown"));
        Assert.Contains("<", page.Str("html"));
        Assert.Matches("^[0-9a-f]{40}$", page.Str("revision"));
        Assert.Equal("TeamWiki", page.Str("author"));
        Assert.True(page.GetProperty("updated").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.NotEmpty(page.GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task AMissingPageIs404()
    {
        var response = await _api.GetAsync("/api/pages/handboek/bestaat-echt-niet");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PutCreatesWith201ThenUpdatesWith200AndOldRevisionsStayReadable()
    {
        var created = await _api.PutPageAsync("kennisbank/api-test-aanmaken", "---\ntitle: API-test\ntags: [test]\n---\n\nVersie één.\n", message: "Eerste versie");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await created.ReadJsonAsync();
        Assert.Equal("kennisbank/api-test-aanmaken", first.Str("path"));
        Assert.False(first.GetProperty("merged").GetBoolean());

        var updated = await _api.PutPageAsync("kennisbank/api-test-aanmaken", "---\ntitle: API-test\n---\n\nVersie twee.\n", first.Str("revision"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var second = await updated.ReadJsonAsync();
        Assert.NotEqual(first.Str("revision"), second.Str("revision"));

        var current = await (await _api.GetAsync("/api/pages/kennisbank/api-test-aanmaken")).ReadJsonAsync();
        Assert.Contains("Versie twee", current.Str("markdown"));
        Assert.Equal("Anna Admin", current.Str("author"));
        var old = await (await _api.GetAsync($"/api/pages/kennisbank/api-test-aanmaken?revision={first.Str("revision")}")).ReadJsonAsync();
        Assert.Contains("Versie één", old.Str("markdown"));
        Assert.Equal(first.Str("revision"), old.Str("revision"));
    }

    [Fact]
    public async Task PathsAreNormalisedToSlugs()
    {
        var response = await _api.PutPageAsync("Kennisbank/Café Overleg", "tekst\n");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("kennisbank/cafe-overleg", (await response.ReadJsonAsync()).Str("path"));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/pages/kennisbank/CAFE-overleg")).StatusCode);
    }

    [Fact]
    public async Task ConcurrentEditsFromAStaleBaseAreMerged()
    {
        var text = "regel een\nregel twee\nregel drie\nregel vier\nregel vijf\n";
        var created = await (await _api.PutPageAsync("handboek/api-samenvoegen", text)).ReadJsonAsync();
        var baseRevision = created.Str("revision");
        await _api.PutPageAsync("handboek/api-samenvoegen", text.Replace("regel een", "REGEL EEN"), baseRevision);

        var second = await _api.PutPageAsync("handboek/api-samenvoegen", text.Replace("regel vijf", "REGEL VIJF"), baseRevision);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True((await second.ReadJsonAsync()).GetProperty("merged").GetBoolean());
        var merged = await (await _api.GetAsync("/api/pages/handboek/api-samenvoegen")).ReadJsonAsync();
        Assert.Contains("REGEL EEN", merged.Str("markdown"));
        Assert.Contains("REGEL VIJF", merged.Str("markdown"));
    }

    [Fact]
    public async Task OverlappingEditsGive409WithYoursTheirsAndBaseAndSaveNothing()
    {
        var created = await (await _api.PutPageAsync("handboek/api-conflict", "De borrel is op vrijdag.\n")).ReadJsonAsync();
        var baseRevision = created.Str("revision");
        await _api.PutPageAsync("handboek/api-conflict", "De borrel is op donderdag.\n", baseRevision);

        var response = await _api.PutPageAsync("handboek/api-conflict", "De borrel is op woensdag.\n", baseRevision);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var conflict = await response.ReadJsonAsync();
        Assert.Equal("De borrel is op woensdag.\n", conflict.Str("yours"));
        Assert.Equal("De borrel is op donderdag.\n", conflict.Str("theirs"));
        Assert.Equal("De borrel is op vrijdag.\n", conflict.Str("base"));
        var current = await (await _api.GetAsync("/api/pages/handboek/api-conflict")).ReadJsonAsync();
        Assert.Equal("De borrel is op donderdag.\n", current.Str("markdown"));
    }

    [Theory]
    [InlineData("handboek/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("handboek/pa%01gina")]
    [InlineData("handboek/pa%FFgina")]
    [InlineData("handboek/pa%C3gina")]
    [InlineData("handboek")]
    [InlineData("handboek/_reserved")]
    [InlineData("handboek/a%5Cb")]
    [InlineData("handboek/a%5C..%5C..%5Cetc")]
    public async Task InvalidPathsGive400AndWriteNothing(string path)
    {
        var head = await HeadAsync();
        var response = await _api.PutPageAsync(path, "kwaadaardig\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("detail")));
        Assert.Equal(head, await HeadAsync());
    }

    [Theory]
    // Dot segments are resolved before routing (by the URI rules): what is left, "/api/etc", is no page route.
    [InlineData("handboek/%2e%2e/%2e%2e/etc", HttpStatusCode.MethodNotAllowed)]
    [InlineData("handboek/../../etc", HttpStatusCode.MethodNotAllowed)]
    // Kestrel refuses a NUL in the path itself.
    [InlineData("handboek/pa%00gina", HttpStatusCode.BadRequest)]
    public async Task DotSegmentsAndNullBytesNeverReachTheStore(string path, HttpStatusCode expected)
    {
        var head = await HeadAsync();
        var response = await _api.PutPageAsync(path, "kwaadaardig\n");
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(head, await HeadAsync());
    }

    [Fact]
    public async Task AnOverLongPathGives400()
    {
        var response = await _api.PutPageAsync("handboek/" + new string('a', 400), "x");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("longer than", (await response.ReadJsonAsync()).Str("detail"));
    }

    [Fact]
    public async Task ABodyWithoutMarkdownOrNotJsonIsRefused()
    {
        var missing = await _api.PutAsJsonAsync("/api/pages/handboek/leeg", new { message = "geen tekst" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var notJson = await _api.PutAsync("/api/pages/handboek/leeg", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/pages/handboek/leeg")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownBaseRevisionIsRefused()
    {
        var response = await _api.PutPageAsync("handboek/onbekende-basis", "x", "0123456789abcdef0123456789abcdef01234567");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/pages/handboek/onbekende-basis")).StatusCode);
    }

    [Fact]
    public async Task HistoryIsNewestFirstAndDiffShowsTheChange()
    {
        var v1 = await (await _api.PutPageAsync("handboek/api-historie", "een\ntwee\n", message: "eerste")).ReadJsonAsync();
        var v2 = await (await _api.PutPageAsync("handboek/api-historie", "een\nTWEE\n", message: "tweede")).ReadJsonAsync();

        var history = await (await _api.GetAsync("/api/pages/handboek/api-historie/history")).ReadJsonAsync();
        var entries = history.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(v2.Str("revision"), entries[0].Str("revision"));
        Assert.Equal("tweede", entries[0].Str("message"));
        Assert.Equal("Anna Admin", entries[0].Str("author"));
        var dates = entries.Select(e => e.GetProperty("date").GetDateTimeOffset()).ToList();
        Assert.True(dates[0] >= dates[1], "newest first by date too");
        Assert.InRange(dates[1], DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var diff = await (await _api.GetAsync($"/api/pages/handboek/api-historie/diff?from={v1.Str("revision")}&to={v2.Str("revision")}")).ReadJsonAsync();
        Assert.Contains("-twee", diff.Str("patch"));
        Assert.Contains("+TWEE", diff.Str("patch"));
    }

    [Fact]
    public async Task MoveRenamesAndDeleteRemoves()
    {
        await _api.PutPageAsync("handboek/api-verhuizen", "mee\n");
        var moved = await _api.PostAsJsonAsync("/api/pages/handboek/api-verhuizen/move", new { to = "kennisbank/api-verhuisd" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("kennisbank/api-verhuisd", (await moved.ReadJsonAsync()).Str("path"));
        // The old address leads to the new one (issue 12: renaming keeps links working).
        var old = await _api.GetAsync("/api/pages/handboek/api-verhuizen");
        Assert.Equal(HttpStatusCode.PermanentRedirect, old.StatusCode);
        Assert.Equal("/api/pages/kennisbank/api-verhuisd", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, (await _api.PostAsJsonAsync("/api/pages/kennisbank/api-verhuisd/move", new { to = "handboek/welkom" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _api.DeleteAsync("/api/pages/kennisbank/api-verhuisd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/pages/kennisbank/api-verhuisd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.DeleteAsync("/api/pages/kennisbank/api-verhuisd")).StatusCode);
    }

    [Fact]
    public async Task RevertRestoresAnOldVersionAsANewRevision()
    {
        var v1 = await (await _api.PutPageAsync("handboek/api-terugzetten", "goed\n")).ReadJsonAsync();
        await _api.PutPageAsync("handboek/api-terugzetten", "fout\n");
        var reverted = await _api.PostAsJsonAsync("/api/pages/handboek/api-terugzetten/revert", new { revision = v1.Str("revision") });
        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        var page = await (await _api.GetAsync("/api/pages/handboek/api-terugzetten")).ReadJsonAsync();
        Assert.Equal("goed\n", page.Str("markdown"));
        Assert.Equal(3, (await (await _api.GetAsync("/api/pages/handboek/api-terugzetten/history")).ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task SpacesAndTreeDescribeTheWiki()
    {
        var spaces = (await (await _api.GetAsync("/api/spaces")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Contains(spaces, s => s.Str("key") == "handboek" && s.Str("name") == "Teamhandboek" && s.Str("description").Length > 0);

        var tree = (await (await _api.GetAsync("/api/tree?space=handboek")).ReadJsonAsync()).EnumerateArray().ToList();
        var onboarding = tree.Single(n => n.Str("path") == "handboek/onboarding");
        Assert.Equal("Onboarding", onboarding.Str("title"));
        Assert.Contains(onboarding.GetProperty("children").EnumerateArray(), c => c.Str("path") == "handboek/onboarding/eerste-werkdag");
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/tree?space=bestaat-niet")).StatusCode);
    }

    [Fact]
    public async Task RenderedHtmlInTheApiIsSanitised()
    {
        await _api.PutPageAsync("handboek/api-xss", "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[klik](javascript:alert(3))\n");
        var html = (await (await _api.GetAsync("/api/pages/handboek/api-xss")).ReadJsonAsync()).Str("html");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<string> HeadAsync() => (await (await _api.GetAsync("/health")).ReadJsonAsync()).Str("head");
}
