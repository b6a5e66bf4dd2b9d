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
        await WaitForIndexAsync();
        var response = await _api.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    [Fact]
    public async Task SearchAnswersWithTheDocumentedShape()
    {
        var result = await SearchAsync("q=kennisdeling");
        Assert.True(result.GetProperty("total").GetInt32() > 0);
        Assert.True(result.GetProperty("tookMs").GetDouble() >= 0);
        var item = result.GetProperty("items")[0];
        foreach (var field in new[] { "path", "title", "space", "kind", "snippet", "score", "tags", "updated" })
        {
            Assert.True(item.TryGetProperty(field, out _), $"item.{field}");
        }

        Assert.Equal("page", item.Str("kind"));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/api/pages/" + item.Str("path"))).StatusCode);
        Assert.True(result.GetProperty("facets").GetProperty("space").EnumerateObject().Any());
        Assert.True(result.GetProperty("facets").TryGetProperty("tag", out _));
        Assert.True(result.TryGetProperty("suggestion", out _));
    }

    [Fact]
    public async Task FiltersSortAndPagingWork()
    {
        var all = await SearchAsync("q=de&limit=100");
        var inSpace = await SearchAsync("q=de&space=kennisbank&limit=100");
        Assert.True(inSpace.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        Assert.All(inSpace.GetProperty("items").EnumerateArray(), i => Assert.Equal("kennisbank", i.Str("space")));

        var tagged = await SearchAsync("q=de&tag=onboarding");
        Assert.All(tagged.GetProperty("items").EnumerateArray(), i => Assert.Contains("onboarding", i.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));

        var byDate = (await SearchAsync("q=de&sort=date&limit=100")).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("updated").GetDateTimeOffset()).ToList();
        Assert.Equal(byDate.OrderByDescending(d => d), byDate);

        var page1 = await SearchAsync("q=de&limit=3&offset=0");
        var page2 = await SearchAsync("q=de&limit=3&offset=3");
        Assert.Empty(page1.GetProperty("items").EnumerateArray().Select(i => i.Str("path")).Intersect(page2.GetProperty("items").EnumerateArray().Select(i => i.Str("path"))));
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
        await WaitForIndexAsync();
        var response = await _api.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).TryGetProperty("items", out _));
    }

    [Fact]
    public async Task ATenThousandCharacterQueryIsCutWithAMessage()
    {
        await WaitForIndexAsync();
        var response = await _api.GetAsync("/api/search?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("vpn ", 2500))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Contains("cut", result.Str("message"));
        Assert.True(result.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task SuggestReturnsAtMostTenTitles()
    {
        await WaitForIndexAsync();
        var suggestions = await (await _api.GetAsync("/api/search/suggest?q=wacht")).ReadJsonAsync();
        Assert.Equal("handboek/beveiliging/wachtwoordbeleid", suggestions[0].Str("path"));
        Assert.Equal("Wachtwoordbeleid", suggestions[0].Str("title"));
        Assert.True((await (await _api.GetAsync("/api/search/suggest?q=e")).ReadJsonAsync()).GetArrayLength() <= 10);
    }

    [Fact]
    public async Task ASavedPageIsFindableWithinASecond()
    {
        await WaitForIndexAsync();
        var watch = Stopwatch.StartNew();
        await _api.PutPageAsync("kennisbank/zoekbaarheid-test", "---\ntitle: Zeldzame zoekterm\n---\n\nHet woord xylofoonstemmer staat hier.\n");
        bool found;
        do
        {
            var items = (await (await _api.GetAsync("/api/search?q=xylofoonstemmer")).ReadJsonAsync()).GetProperty("items");
            found = items.EnumerateArray().Any(i => i.Str("path") == "kennisbank/zoekbaarheid-test");
        }
        while (!found && watch.Elapsed < TimeSpan.FromSeconds(5));

        Assert.True(found);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"findable after {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task SearchNeedsCredentials()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.AnonymousClient().GetAsync("/api/search?q=vpn")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.AnonymousClient().GetAsync("/api/search/suggest?q=vpn")).StatusCode);
    }

    private async Task WaitForIndexAsync()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            var health = await (await _api.GetAsync("/health")).ReadJsonAsync();
            if (health.GetProperty("head").GetString() == health.GetProperty("indexedCommit").GetString())
            {
                return;
            }

            await Task.Delay(100);
        }
    }
}
