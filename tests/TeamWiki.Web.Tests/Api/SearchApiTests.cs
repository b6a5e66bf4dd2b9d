using System.Diagnostics;
using System.Net;
using System.Text.Json;
using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Api;

public class SearchApiTests(TeamWikiFactory factory) : IClassFixture<TeamWikiFactory>
{
    private readonly HttpClient _api = factory.AdminClient();

    private async Task<JsonElement> SearchAsync(string query)
    {
        await _api.WaitUntilIndexedAsync();
        var response = await _api.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task SearchAnswersWithTheDocumentedShape()
    {
        await _api.WaitUntilIndexedAsync();
        var watch = Stopwatch.StartNew();
        var response = await _api.GetAsync("/api/search?q=kennisdeling");
        var roundTrip = watch.Elapsed.TotalMilliseconds;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        var total = result.GetProperty("total").GetInt32();
        Assert.True(total > 0);

        // tookMs is the server's own time for this search: something was measured, and no more than the client waited.
        var took = result.GetProperty("tookMs").GetDouble();
        Assert.InRange(took, double.Epsilon, roundTrip);
        var item = result.GetProperty("items")[0];
        foreach (var field in new[] { "path", "title", "space", "kind", "snippet", "score", "tags", "updated" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"item.{field}");
        }

        Assert.Equal("page", item.Str("kind"));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/pages/" + item.Str("path"))).StatusCode);

        // Facets count every hit, not only this page of them: one space per hit, and each tag shown is counted.
        var spaces = result.GetProperty("facets").GetProperty("space").EnumerateObject().ToList();
        Assert.Equal(total, spaces.Sum(s => s.Value.GetInt32()));
        Assert.Contains(spaces, s => s.Name == item.Str("space"));
        var tags = result.GetProperty("facets").GetProperty("tag").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetInt32());
        foreach (var tag in result.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("tags").EnumerateArray()).Select(t => t.GetString()!.ToLowerInvariant()))
        {
            Assert.True(tags.GetValueOrDefault(tag) >= 1, $"tag '{tag}' of a hit is missing from the tag facet");
        }

        // A correctly spelled word gets no "did you mean" (see ATypoGetsASuggestion for one that does).
        Assert.Equal(JsonValueKind.Null, result.GetProperty("suggestion").ValueKind);
    }

    [Fact]
    public async Task FiltersSortAndPagingWork()
    {
        var all = await SearchAsync("q=de&limit=100");
        var allSpaces = all.GetProperty("items").EnumerateArray().Select(i => i.Str("space")).Distinct().ToList();
        Assert.True(allSpaces.Count > 1, "the unfiltered search spans several spaces, so the filter has something to remove");
        var inSpace = await SearchAsync("q=de&space=kennisbank&limit=100");
        Assert.NotEmpty(inSpace.GetProperty("items").EnumerateArray());
        Assert.True(inSpace.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        Assert.All(inSpace.GetProperty("items").EnumerateArray(), i => Assert.Equal("kennisbank", i.Str("space")));
        Assert.Equal(all.GetProperty("facets").GetProperty("space").GetProperty("kennisbank").GetInt32(), inSpace.GetProperty("total").GetInt32());

        var tagged = await SearchAsync("q=de&tag=onboarding&limit=100");
        Assert.NotEmpty(tagged.GetProperty("items").EnumerateArray());
        Assert.True(tagged.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        Assert.All(tagged.GetProperty("items").EnumerateArray(), i => Assert.Contains("onboarding", i.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));

        // Sorting by date puts the newer page first where relevance puts the other one first. (The sample
        // pages share one import commit, so they cannot show an order by date.)
        var older = await (await _api.PutPageAsync("kennisbank/zonnewijzer-oud", "---\ntitle: Zonnewijzer\n---\n\nDe zonnewijzer, zonnewijzers en nog een zonnewijzer.\n")).ReadJsonAsync();
        var olderDate = (await (await _api.GetAsync("/api/pages/kennisbank/zonnewijzer-oud")).ReadJsonAsync()).GetProperty("updated").GetDateTimeOffset();
        await Eventually.UntilAsync(() => Task.FromResult(DateTimeOffset.UtcNow > olderDate.AddSeconds(1.1)), "the clock to pass the older save's second (git dates have whole seconds)");
        Assert.Equal(HttpStatusCode.Created, (await _api.PutPageAsync("kennisbank/zonnewijzer-nieuw", "---\ntitle: Tuin\n---\n\nOok hier staat een zonnewijzer.\n")).StatusCode);
        Assert.Matches("^[0-9a-f]{40}$", older.Str("revision"));
        var byRelevance = (await SearchAsync("q=zonnewijzer")).GetProperty("items").EnumerateArray().Select(i => i.Str("path")).ToList();
        var byDate = (await SearchAsync("q=zonnewijzer&sort=date")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["kennisbank/zonnewijzer-oud", "kennisbank/zonnewijzer-nieuw"], byRelevance);
        Assert.Equal(["kennisbank/zonnewijzer-nieuw", "kennisbank/zonnewijzer-oud"], byDate.Select(i => i.Str("path")));
        Assert.True(byDate[0].GetProperty("updated").GetDateTimeOffset() > byDate[1].GetProperty("updated").GetDateTimeOffset());

        var page1 = (await SearchAsync("q=de&limit=3&offset=0")).GetProperty("items").EnumerateArray().Select(i => i.Str("path")).ToList();
        var page2 = (await SearchAsync("q=de&limit=3&offset=3")).GetProperty("items").EnumerateArray().Select(i => i.Str("path")).ToList();
        var firstSix = (await SearchAsync("q=de&limit=6")).GetProperty("items").EnumerateArray().Select(i => i.Str("path")).ToList();
        Assert.Equal(3, page1.Count);
        Assert.Equal(3, page2.Count);
        Assert.Equal(firstSix, page1.Concat(page2));
    }

    [Fact]
    public async Task ATypoGetsASuggestion()
    {
        var result = await SearchAsync("q=wachtwoordbeleit");
        Assert.Equal("wachtwoordbeleid", result.Str("suggestion"));
        Assert.Equal("handboek/beveiliging/wachtwoordbeleid", result.GetProperty("items")[0].Str("path"));
    }

    [Theory]
    [InlineData("q=%22ongesloten")]
    [InlineData("q=-")]
    [InlineData("q=AND%20OR%20NOT")]
    [InlineData("q=tag%3A")]
    [InlineData("q=%3A%3A%3A%5E%5E")]
    [InlineData("q=")]
    [InlineData("limit=-5&offset=-1&q=vpn")]
    [InlineData("limit=100000&offset=999999999&q=vpn")]
    [InlineData("q=vpn&sort=onzin")]
    public async Task MalformedQueriesNeverGiveAnErrorPage(string query)
    {
        await _api.WaitUntilIndexedAsync();
        var response = await _api.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Array, result.GetProperty("items").ValueKind);
        Assert.InRange(result.GetProperty("items").GetArrayLength(), 0, result.GetProperty("total").GetInt32());
    }

    [Theory]
    // Out-of-range paging is clamped (limit 1..100, offset 0..10,000), never refused.
    [InlineData("limit=-5&offset=-1&q=vpn", 1)]
    [InlineData("limit=100000&offset=999999999&q=vpn", 0)]
    public async Task OutOfRangePagingIsClampedNotRefused(string query, int items)
    {
        var result = await SearchAsync(query);
        Assert.Equal(items, result.GetProperty("items").GetArrayLength());
        Assert.True(result.GetProperty("total").GetInt32() >= 1, "vpn is in the sample wiki");
    }

    [Fact]
    public async Task ATenThousandCharacterQueryIsCutWithAMessage()
    {
        await _api.WaitUntilIndexedAsync();
        var response = await _api.GetAsync("/api/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("vpn ", 2500))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Contains("cut", result.Str("message"));
        Assert.True(result.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task SuggestReturnsAtMostTenTitles()
    {
        await _api.WaitUntilIndexedAsync();
        var suggestions = await (await _api.GetAsync("/api/search/suggest?q=wacht")).ReadJsonAsync();
        Assert.Equal("handboek/beveiliging/wachtwoordbeleid", suggestions[0].Str("path"));
        Assert.Equal("Wachtwoordbeleid", suggestions[0].Str("title"));

        // Twelve titles share a prefix: the answer stops at ten, all of them from those twelve.
        for (var i = 1; i <= 12; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _api.PutPageAsync($"kennisbank/zuurkoolrecept-{i}", $"---\ntitle: Zuurkoolrecept {i}\n---\n\nRecept {i}.\n")).StatusCode);
        }

        await _api.WaitUntilIndexedAsync();
        var capped = (await (await _api.GetAsync("/api/search/suggest?q=zuurkoolr")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(10, capped.Count);
        Assert.All(capped, s => Assert.StartsWith("Zuurkoolrecept ", s.Str("title")));
        Assert.Equal(10, capped.Select(s => s.Str("path")).Distinct().Count());
    }

    [Fact]
    public async Task ASavedPageBecomesFindable()
    {
        // How fast is a benchmark's question (bench/); here: it does get there, without a restart or a poke.
        await _api.WaitUntilIndexedAsync();
        Assert.Equal(0, (await SearchAsync("q=xylofoonstemmer")).GetProperty("total").GetInt32());
        var saved = await _api.PutPageAsync("kennisbank/zoekbaarheid-test", "---\ntitle: Zeldzame zoekterm\n---\n\nHet woord xylofoonstemmer staat hier.\n");
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var results = await _api.SearchUntilFoundAsync("xylofoonstemmer", "kennisbank/zoekbaarheid-test");
        Assert.Equal("Zeldzame zoekterm", results.GetProperty("items")[0].Str("title"));
    }

    [Fact]
    public async Task SearchNeedsCredentials()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.AnonymousClient().GetAsync("/api/search?q=vpn")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.AnonymousClient().GetAsync("/api/search/suggest?q=vpn")).StatusCode);
    }
}
